namespace Training.Courses.Content;

/// <summary>Who keeps a course's files: its folder in course-content/ (imported at start) or the site.</summary>
public enum CourseManagement { Files, Site }

/// <summary>
/// One file of a course as it was last imported (course.yml, modules, quizzes, glossary, images,
/// translations), kept so the course can be exported in the folder format exactly as it came.
/// </summary>
public class CourseSourceFile
{
    public long Id { get; set; }

    public int CourseId { get; set; }

    /// <summary>The path in the course folder, '/'-separated (01-intro.md, translations/fr/course.yml).</summary>
    public string Path { get; set; } = "";

    public byte[] Content { get; set; } = [];
}
