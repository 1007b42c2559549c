namespace Training.Courses.Content;

// The YAML shapes of a translation (translations/<language>/). Like the originals', an unknown key is an
// error: a translated course.yml holds its title and summary and nothing else.

public sealed class CourseTranslationFile
{
    public string? Title { get; set; }

    public string? Summary { get; set; }
}

public sealed class GlossaryTranslationFileEntry
{
    /// <summary>The original's term this entry translates, exactly as the original glossary.yml writes it.</summary>
    public string? Original { get; set; }

    public string? Term { get; set; }

    public string? Definition { get; set; }

    public string? Source { get; set; }
}
