using System.Text.RegularExpressions;
using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>Reads the quiz files of one course folder: a quiz per module (NN-slug.quiz.md) and final.quiz.md.</summary>
public static partial class QuizLibrary
{
    public const string FinalQuizFile = "final.quiz.md";

    /// <param name="displayRoot">Problems name files relative to this folder.</param>
    /// <returns>Every quiz that could be read; a quiz named in <paramref name="problems"/> must not be imported.</returns>
    public static IReadOnlyList<QuizDefinition> ReadCourse(string courseFolder, string displayRoot, List<ContentProblem> problems)
    {
        var quizzes = new List<QuizDefinition>();
        foreach (var path in Directory.EnumerateFiles(courseFolder, "*.quiz.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var display = Path.GetRelativePath(displayRoot, path);
            string? moduleSlug = null;
            if (name != FinalQuizFile)
            {
                var match = ModuleQuizFileName().Match(name);
                if (!match.Success)
                {
                    problems.Add(new ContentProblem(display, 1, $"Quiz files are named after their module (01-warning-signs.quiz.md beside 01-warning-signs.md) or {FinalQuizFile} for the final assessment."));
                    continue;
                }
                var moduleFile = match.Groups["module"].Value + ".md";
                if (!File.Exists(Path.Combine(courseFolder, moduleFile)))
                {
                    problems.Add(new ContentProblem(display, 1, $"This quiz has no module: {moduleFile} does not exist beside it. Name the quiz after its module's file."));
                    // Still read, so its other problems are reported in the same run.
                    QuizParser.Parse(path, display, null, problems);
                    continue;
                }
                moduleSlug = match.Groups["slug"].Value;
            }
            if (QuizParser.Parse(path, display, moduleSlug, problems) is { } quiz)
            {
                quizzes.Add(quiz);
            }
        }
        return quizzes;
    }

    [GeneratedRegex(@"^(?<module>\d+-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*))\.quiz\.md$")]
    private static partial Regex ModuleQuizFileName();
}
