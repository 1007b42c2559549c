namespace Training.Courses.Catalog;

/// <summary>
/// One version of a module's text, identified by the hash of its file. Rendered to safe HTML once, at
/// import, so a page view is a single read.
/// </summary>
public class ModuleVersion
{
    public int Id { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    /// <summary>SHA-256 of the Markdown file, hex.</summary>
    public string ContentHash { get; set; } = "";

    public string Title { get; set; } = "";

    public int EstimatedMinutes { get; set; }

    /// <summary>Learning objectives, one per line.</summary>
    public string Objectives { get; set; } = "";

    public string Sources { get; set; } = "";

    /// <summary>Sanitised HTML of the module body.</summary>
    public string Html { get; set; } = "";

    /// <summary>Table of contents: one "level|anchor|text" line per heading of level 2 or 3.</summary>
    public string TableOfContents { get; set; } = "";

    public DateTime ImportedAt { get; set; }

    public List<ModuleTranslation> Translations { get; set; } = [];

    public IReadOnlyList<string> ObjectiveList => Objectives.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
