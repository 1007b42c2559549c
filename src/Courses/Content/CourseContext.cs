namespace Training.Courses.Content;

/// <summary>What a module's links are checked against: its course's folder, glossary and other modules.</summary>
public sealed class CourseContext
{
    public required string CourseSlug { get; init; }

    /// <summary>The course's files, for checking that an image or link points at one.</summary>
    public required CourseFiles Files { get; init; }

    /// <summary>A translation's folder in the course (translations/fr): its files override the course's files of the same path.</summary>
    public string? OverlayFolder { get; init; }

    /// <summary>The language the module is written in, for the labels of its boxes; null: the original's (English labels).</summary>
    public string? Language { get; init; }

    /// <summary>Glossary anchors by term, case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> GlossaryAnchors { get; init; }

    /// <summary>The course's modules by file name (01-intro.md).</summary>
    public required IReadOnlyDictionary<string, ModuleSource> ModulesByFile { get; init; }

    /// <summary>The site's local annex, for <c>{{annex: name}}</c> lines; none by default.</summary>
    public ILocalAnnex LocalAnnex { get; init; } = LocalAnnexTexts.None;

    /// <summary>The annexes the modules used and what they held (null: not set), for the course's content hash.</summary>
    public SortedDictionary<string, string?> AnnexesUsed { get; } = new(StringComparer.Ordinal);

    /// <summary>What the annexes used added to the course's content: a changed annex means a new import.</summary>
    public string AnnexHashText() =>
        string.Concat(AnnexesUsed.Select(a => $"\0annex:{a.Key}:{(a.Value is null ? "\u0001" : a.Value)}"));

    public string ModuleUrl(string moduleSlug) => $"/courses/{CourseSlug}/modules/{moduleSlug}";

    public string MediaUrl(string relativePath) => $"/courses/{CourseSlug}/media/{relativePath}";

    public string GlossaryUrl(string anchor) => $"/courses/{CourseSlug}/glossary#{anchor}";
}
