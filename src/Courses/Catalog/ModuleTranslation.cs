namespace Training.Courses.Catalog;

/// <summary>
/// A module version in another language. It belongs to the original's version it was imported with: a
/// new original text is a new version, and its translations come with it from the same import. Learners'
/// completions keep pointing at the original version, whatever language they read it in.
/// </summary>
public class ModuleTranslation
{
    public int Id { get; set; }

    public int ModuleVersionId { get; set; }

    public ModuleVersion ModuleVersion { get; set; } = null!;

    /// <summary>ISO 639-1 code: fr, es, ar.</summary>
    public string Language { get; set; } = "";

    /// <summary>SHA-256 of the translated Markdown file, hex.</summary>
    public string ContentHash { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Learning objectives, one per line.</summary>
    public string Objectives { get; set; } = "";

    /// <summary>Sanitised HTML of the translated body.</summary>
    public string Html { get; set; } = "";

    /// <summary>Table of contents: one "level|anchor|text" line per heading of level 2 or 3.</summary>
    public string TableOfContents { get; set; } = "";

    public DateTime ImportedAt { get; set; }
}
