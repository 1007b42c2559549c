namespace Training.Courses.Content;

/// <summary>
/// The annex the site's operator writes: one <c>name.md</c> per annex in the folder set by
/// <c>Content:LocalAnnexFolder</c>. Read when courses are imported or checked, so an edit appears at the
/// next import (a changed annex changes the course's content hash).
/// </summary>
public sealed class LocalAnnexFolder(string folder) : ILocalAnnex
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string? Find(string name)
    {
        // The name comes from a course file: only [a-z0-9-] reaches a path, so it cannot leave the folder.
        if (!LocalAnnexBlock.IsValidName(name))
        {
            return null;
        }
        var file = Path.Combine(Folder, name + ".md");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>The configured annex, or none when <c>Content:LocalAnnexFolder</c> is empty.</summary>
    public static ILocalAnnex From(ContentOptions options, string startFolder) =>
        options.ResolveLocalAnnexFolder(startFolder) is { } folder ? new LocalAnnexFolder(folder) : LocalAnnexTexts.None;
}
