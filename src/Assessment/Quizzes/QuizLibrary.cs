using System.Text.RegularExpressions;
using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>A quiz file of a translation, read and checked against its original.</summary>
/// <param name="DisplayPath">The file as problems name it (course/translations/fr/01-x.quiz.md).</param>
public sealed record TranslatedQuiz(string Language, string FileName, string DisplayPath, QuizDefinition Definition);

/// <summary>A course's quizzes, their files as problems name them, and their translations.</summary>
public sealed record CourseQuizzes(IReadOnlyList<(QuizDefinition Definition, string DisplayPath)> Originals, IReadOnlyList<TranslatedQuiz> Translations);

/// <summary>Reads the quiz files of one course folder: a quiz per module (NN-slug.quiz.md) and final.quiz.md.</summary>
public static partial class QuizLibrary
{
    public const string FinalQuizFile = "final.quiz.md";

    /// <param name="displayRoot">Problems name files relative to this folder.</param>
    /// <returns>Every quiz that could be read; a quiz named in <paramref name="problems"/> must not be imported.</returns>
    public static IReadOnlyList<QuizDefinition> ReadCourse(string courseFolder, string displayRoot, List<ContentProblem> problems) =>
        ReadAll(courseFolder, displayRoot, problems).Originals.Select(o => o.Definition).ToList();

    /// <summary>The course's quizzes and their translations (translations/&lt;language&gt;/*.quiz.md), each checked against its original.</summary>
    public static CourseQuizzes ReadAll(string courseFolder, string displayRoot, List<ContentProblem> problems)
    {
        var originals = new List<(QuizDefinition, string)>();
        foreach (var path in Directory.EnumerateFiles(courseFolder, "*.quiz.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var display = Path.GetRelativePath(displayRoot, path);
            if (ModuleSlugOf(name, display, problems) is not { } slug)
            {
                continue;
            }
            if (slug.Length > 0 && !File.Exists(Path.Combine(courseFolder, name[..^".quiz.md".Length] + ".md")))
            {
                problems.Add(new ContentProblem(display, 1, $"This quiz has no module: {name[..^".quiz.md".Length]}.md does not exist beside it. Name the quiz after its module's file."));
                // Still read, so its other problems are reported in the same run.
                QuizParser.Parse(path, display, null, problems);
                continue;
            }
            if (QuizParser.Parse(path, display, slug.Length == 0 ? null : slug, problems) is { } quiz)
            {
                originals.Add((quiz, display));
            }
        }
        return new CourseQuizzes(originals, ReadTranslations(courseFolder, displayRoot, originals, problems));
    }

    private static List<TranslatedQuiz> ReadTranslations(string courseFolder, string displayRoot, List<(QuizDefinition Definition, string DisplayPath)> originals, List<ContentProblem> problems)
    {
        var translations = new List<TranslatedQuiz>();
        // Misnamed language folders are the course's problem (CourseSource reports them): skip them here.
        foreach (var (language, folder) in TranslationFolders.Read(courseFolder, null, displayRoot, []))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.quiz.md").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var display = Path.GetRelativePath(displayRoot, path);
                var original = originals.FirstOrDefault(o => Path.GetFileName(o.DisplayPath) == name).Definition;
                if (original is null)
                {
                    problems.Add(new ContentProblem(display, 1, File.Exists(Path.Combine(courseFolder, name))
                        ? $"The original {name} has problems: fix it first, then its translation is checked."
                        : $"This translation has no original: the course has no quiz file '{name}'. A translation keeps its original's file name."));
                    continue;
                }
                var before = problems.Count;
                if (QuizParser.Parse(path, display, original.ModuleSlug, problems) is { } quiz)
                {
                    QuizTranslationCheck.Compare(original, quiz, display, problems);
                    if (problems.Count == before)
                    {
                        translations.Add(new TranslatedQuiz(language, name, display, quiz));
                    }
                }
            }
        }
        return translations;
    }

    /// <returns>The module slug, "" for the final assessment, null (with a problem) for a badly named file.</returns>
    private static string? ModuleSlugOf(string name, string display, List<ContentProblem> problems)
    {
        if (name == FinalQuizFile)
        {
            return "";
        }
        var match = ModuleQuizFileName().Match(name);
        if (!match.Success)
        {
            problems.Add(new ContentProblem(display, 1, $"Quiz files are named after their module (01-warning-signs.quiz.md beside 01-warning-signs.md) or {FinalQuizFile} for the final assessment."));
            return null;
        }
        return match.Groups["slug"].Value;
    }

    [GeneratedRegex(@"^(?<module>\d+-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*))\.quiz\.md$")]
    private static partial Regex ModuleQuizFileName();
}
