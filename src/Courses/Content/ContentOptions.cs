namespace Training.Courses.Content;

/// <summary>The <c>Content</c> section: where the Markdown courses are and whether to watch them.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The course folder. Empty: the nearest course-content/ folder at or above the app's folder.</summary>
    public string? Folder { get; set; }

    /// <summary>Re-import when a file changes. Empty: on in Development only.</summary>
    public bool? WatchForChanges { get; set; }

    /// <summary>
    /// The site's local annex: a folder of name.md files (hotlines.md, shelters.md, ...) shown where modules say
    /// {{annex: name}}. Empty: modules show a placeholder and a note instead.
    /// </summary>
    public string? LocalAnnexFolder { get; set; }

    /// <summary>The annex folder as a full path (relative paths from <paramref name="startFolder"/>), or null when not set.</summary>
    public string? ResolveLocalAnnexFolder(string startFolder) =>
        string.IsNullOrWhiteSpace(LocalAnnexFolder) ? null : Path.GetFullPath(LocalAnnexFolder, startFolder);

    public string ResolveFolder(string startFolder)
    {
        if (!string.IsNullOrWhiteSpace(Folder))
        {
            return Path.GetFullPath(Folder, startFolder);
        }
        for (var dir = new DirectoryInfo(startFolder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "course-content");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(startFolder, "course-content");
    }
}
