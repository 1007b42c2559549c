namespace Training.Web.Infrastructure.Site;

/// <summary>The <c>Storage</c> section: where files the site writes are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Folder for the SQLite file, the mail pickup folder and uploads. Relative paths are taken from the
    /// content root, so the default is a git-ignored <c>data/</c> folder beside the app.
    /// </summary>
    public string DataFolder { get; set; } = "data";

    public string ResolveDataFolder(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);
}
