namespace Training.Courses.Content;

// The YAML shapes trainers write. Property names map to camelCase keys; an unknown key is an error,
// so a typo such as "pasMark" is reported instead of silently ignored.

public sealed class CourseFile
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<string> Audience { get; set; } = [];

    public List<string> Topics { get; set; } = [];

    public string? Language { get; set; }

    public decimal? EstimatedHours { get; set; }

    public int? PassMark { get; set; }

    public int? CertificateValidityMonths { get; set; }

    public bool Published { get; set; } = true;

    /// <summary>Raised by trainers when a change is major: holders of older certificates may need to retake it.</summary>
    public int MajorVersion { get; set; } = 1;

    public List<string> Sources { get; set; } = [];
}

public sealed class ModuleFrontMatter
{
    public string? Title { get; set; }

    public int? EstimatedMinutes { get; set; }

    public List<string> Objectives { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    /// <summary>Facts used that no source gives, listed so reviewers can check them.</summary>
    public List<string> GeneralKnowledge { get; set; } = [];
}

public sealed class GlossaryFileEntry
{
    public string? Term { get; set; }

    public string? Definition { get; set; }

    public string? Source { get; set; }
}
