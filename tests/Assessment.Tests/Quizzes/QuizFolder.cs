using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Assessment.Tests.Quizzes;

/// <summary>A throw-away course folder on disk holding quiz files written by a test.</summary>
public sealed class QuizFolder : IDisposable
{
    public const string Slug = "test-course";

    public QuizFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "training-quiz-tests", Guid.NewGuid().ToString("N"));
        CoursePath = Path.Combine(Root, Slug);
        Directory.CreateDirectory(CoursePath);
    }

    /// <summary>The content folder holding the course; problems name files relative to it.</summary>
    public string Root { get; }

    public string CoursePath { get; }

    /// <summary>A quiz file: three lines of front matter, so the body's first line is line 4 of the file.</summary>
    public static string Quiz(string body) => "---\npassMark: 70\n---\n" + body;

    public static string DisplayPath(string fileName) => Path.Combine(Slug, fileName);

    public QuizFolder With(string fileName, string text)
    {
        File.WriteAllText(Path.Combine(CoursePath, fileName), text);
        return this;
    }

    /// <summary>Writes and parses one module quiz, 01-first.quiz.md.</summary>
    public static (QuizDefinition? Quiz, List<ContentProblem> Problems) Parse(string text)
    {
        using var folder = new QuizFolder();
        folder.With("01-first.quiz.md", text);
        var problems = new List<ContentProblem>();
        var quiz = QuizParser.Parse(Path.Combine(folder.CoursePath, "01-first.quiz.md"), DisplayPath("01-first.quiz.md"), "first", problems);
        return (quiz, problems);
    }

    /// <summary>Parses a quiz that must have no problems.</summary>
    public static QuizDefinition ParseValid(string text)
    {
        var (quiz, problems) = Parse(text);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return Assert.IsType<QuizDefinition>(quiz);
    }

    public IReadOnlyList<QuizDefinition> ReadCourse(List<ContentProblem> problems) =>
        QuizLibrary.ReadCourse(CoursePath, Root, problems);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
