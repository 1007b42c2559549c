using Training.Courses.Content;

namespace Training.Courses.Tests.Content;

/// <summary>A throw-away course folder on disk, written file by file by a test.</summary>
public sealed class CourseFolder : IDisposable
{
    public const string ValidCourseYml = """
        title: "Test course: basics"
        summary: A course for tests.
        audience: [police]
        topics: [trafficking, Referral]
        language: en
        estimatedHours: 1.5
        passMark: 70
        certificateValidityMonths: 12
        sources: [001_a.txt]
        """;

    public const string Glossary = """
        - term: debt bondage
          definition: A debt used to force someone to keep working.
          source: general knowledge
        """;

    public CourseFolder(string slug = "test-course")
    {
        Root = Path.Combine(Path.GetTempPath(), "training-content-tests", Guid.NewGuid().ToString("N"));
        CoursePath = System.IO.Path.Combine(Root, slug);
        Directory.CreateDirectory(CoursePath);
    }

    /// <summary>The content folder holding this course.</summary>
    public string Root { get; }

    public string CoursePath { get; }

    public CourseFolder With(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(CoursePath, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return this;
    }

    public static string Module(string title, string body) => $"""
        ---
        title: "{title}"
        estimatedMinutes: 10
        objectives:
          - Do something useful.
        sources: []
        ---

        {body}
        """;

    /// <summary>A valid course with two modules and a glossary, to break one piece at a time.</summary>
    public static CourseFolder Valid() => new CourseFolder()
        .With("course.yml", ValidCourseYml)
        .With("glossary.yml", Glossary)
        .With("01-first.md", Module("First", "Intro.\n\n## Section one\n\nText with [[debt bondage]].\n\n## In short\n\n- done"))
        .With("02-second.md", Module("Second", "See [the first](01-first.md) and [the summary](#summary).\n\n## Summary\n\n- ok"));

    public CourseSource Read() => CourseSource.Read(CoursePath, Root);

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
