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
        ReadCourse(CourseFiles.FromFolder(courseFolder, displayRoot), problems);

    /// <returns>Every quiz that could be read; a quiz named in <paramref name="problems"/> must not be imported.</returns>
    public static IReadOnlyList<QuizDefinition> ReadCourse(CourseFiles files, List<ContentProblem> problems) =>
        ReadAll(files, problems).Originals.Select(o => o.Definition).ToList();

    /// <param name="displayRoot">Problems name files relative to this folder.</param>
    public static CourseQuizzes ReadAll(string courseFolder, string displayRoot, List<ContentProblem> problems) =>
        ReadAll(CourseFiles.FromFolder(courseFolder, displayRoot), problems);

    /// <summary>The course's quizzes and their translations (translations/&lt;language&gt;/*.quiz.md), each checked against its original.</summary>
    public static CourseQuizzes ReadAll(CourseFiles files, List<ContentProblem> problems)
    {
        var originals = new List<(QuizDefinition, string)>();
        foreach (var name in files.FilesIn("").Where(f => f.EndsWith(".quiz.md", StringComparison.Ordinal)))
        {
            var display = files.Display(name);
            if (ModuleSlugOf(name, display, problems) is not { } slug)
            {
                continue;
            }
            if (slug.Length > 0 && !files.Exists(name[..^".quiz.md".Length] + ".md"))
            {
                problems.Add(new ContentProblem(display, 1, $"This quiz has no module: {name[..^".quiz.md".Length]}.md does not exist beside it. Name the quiz after its module's file."));
                // Still read, so its other problems are reported in the same run.
                QuizParser.ParseText(files.ReadText(name), display, null, problems);
                continue;
            }
            if (QuizParser.ParseText(files.ReadText(name), display, slug.Length == 0 ? null : slug, problems) is { } quiz)
            {
                originals.Add((quiz, display));
            }
        }
        return new CourseQuizzes(originals, ReadTranslations(files, originals, problems));
    }

    private static List<TranslatedQuiz> ReadTranslations(CourseFiles files, List<(QuizDefinition Definition, string DisplayPath)> originals, List<ContentProblem> problems)
    {
        var translations = new List<TranslatedQuiz>();
        // Misnamed language folders are the course's problem (CourseSource reports them): skip them here.
        foreach (var (language, folder) in TranslationFolders.Read(files, null, []))
        {
            foreach (var path in files.FilesIn(folder).Where(f => f.EndsWith(".quiz.md", StringComparison.Ordinal)))
            {
                var name = path[(folder.Length + 1)..];
                var display = files.Display(path);
                var original = originals.FirstOrDefault(o => Path.GetFileName(o.DisplayPath) == name).Definition;
                if (original is null)
                {
                    problems.Add(new ContentProblem(display, 1, files.Exists(name)
                        ? $"The original {name} has problems: fix it first, then its translation is checked."
                        : $"This translation has no original: the course has no quiz file '{name}'. A translation keeps its original's file name."));
                    continue;
                }
                var before = problems.Count;
                if (QuizParser.ParseText(files.ReadText(path), display, original.ModuleSlug, problems) is { } quiz)
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
