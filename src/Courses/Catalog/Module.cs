namespace Training.Courses.Catalog;

/// <summary>A module of a course. Its text lives in versions; the module points at the current one.</summary>
public class Module
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    public Course Course { get; set; } = null!;

    /// <summary>The file name without its numeric prefix and extension: 01-warning-signs.md → warning-signs.</summary>
    public string Slug { get; set; } = "";

    public int Position { get; set; }

    public int? CurrentVersionId { get; set; }

    public ModuleVersion? CurrentVersion { get; set; }

    /// <summary>Set by the quiz import: a module with a quiz completes when its quiz is passed.</summary>
    public bool HasQuiz { get; set; }

    /// <summary>The file was removed from the course. Kept so completed versions stay on record.</summary>
    public bool IsRetired { get; set; }

    public List<ModuleVersion> Versions { get; set; } = [];
}
