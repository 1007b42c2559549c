using System.IO.Compression;
using System.Text;

namespace Training.Courses.Content;

/// <summary>
/// A course folder as files in memory: paths relative to the course folder ('/'-separated) and their bytes.
/// Parsing and validation read only this, so a folder on disk, a zip and drafts kept in the database go
/// through one pipeline. Names starting with a dot (.git, .DS_Store) are not part of a course.
/// </summary>
public sealed class CourseFiles
{
    private readonly SortedDictionary<string, byte[]> files;

    private CourseFiles(string slug, string displayFolder, SortedDictionary<string, byte[]> files)
    {
        Slug = slug;
        DisplayFolder = displayFolder;
        this.files = files;
    }

    /// <summary>The course's address: the folder's name, in lower case.</summary>
    public string Slug { get; }

    /// <summary>How problems name the course folder (course-content/welcome, or the zip's name).</summary>
    public string DisplayFolder { get; }

    /// <summary>Every file's path, in ordinal order.</summary>
    public IReadOnlyCollection<string> Paths => files.Keys;

    /// <param name="displayRoot">Problems name files relative to this folder (usually the current directory).</param>
    public static CourseFiles FromFolder(string folder, string displayRoot)
    {
        var root = Path.GetFullPath(folder);
        var map = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!IsHidden(relative))
            {
                map[relative] = File.ReadAllBytes(file);
            }
        }
        var slug = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();
        return new CourseFiles(slug, Path.GetRelativePath(displayRoot, root), map);
    }

    /// <summary>The files of a zip: either the folder's content at its root or one folder holding it.</summary>
    public static CourseFiles FromZip(Stream zip, string slug, string displayName)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !IsHidden(e.FullName)).ToList();
        var prefix = entries.Count > 0 && entries.All(e => e.FullName.Contains('/', StringComparison.Ordinal))
            && entries.Select(e => e.FullName[..e.FullName.IndexOf('/', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Count() == 1
            ? entries[0].FullName[..(entries[0].FullName.IndexOf('/', StringComparison.Ordinal) + 1)] : "";
        var map = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            map[entry.FullName[prefix.Length..]] = copy.ToArray();
        }
        return new CourseFiles(slug, displayName, map);
    }

    /// <summary>Files kept by the site (see <see cref="CourseSourceFile"/>), as they were imported.</summary>
    public static CourseFiles FromStored(string slug, IEnumerable<(string Path, byte[] Content)> stored) =>
        new(slug, slug, new SortedDictionary<string, byte[]>(stored.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>These files with some replaced, added or (a null content) removed: a draft over the published files.</summary>
    public CourseFiles With(IEnumerable<(string Path, byte[]? Content)> changes)
    {
        var map = new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
        foreach (var (path, content) in changes)
        {
            if (content is null)
            {
                map.Remove(path);
            }
            else
            {
                map[path] = content;
            }
        }
        return new CourseFiles(Slug, DisplayFolder, map);
    }

    /// <summary>The files of a zip written by <see cref="WriteZip"/> (one folder named after the course).</summary>
    public static CourseFiles FromZipBytes(byte[] zip, string slug)
    {
        using var stream = new MemoryStream(zip);
        return FromZip(stream, slug, slug);
    }

    /// <summary>The zip of <see cref="WriteZip"/>, as bytes.</summary>
    public byte[] ToZipBytes()
    {
        using var stream = new MemoryStream();
        WriteZip(stream);
        return stream.ToArray();
    }

    /// <summary>Writes the files under <paramref name="folder"/> (created if needed; other files there are left alone).</summary>
    public void WriteTo(string folder)
    {
        foreach (var (path, content) in files)
        {
            var target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }
    }

    /// <summary>
    /// Writes the files as a zip holding one folder named after the course. Entries in path order with a fixed
    /// date, so the same files always give the same zip.
    /// </summary>
    public void WriteZip(Stream output)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (path, content) in files)
        {
            var entry = archive.CreateEntry($"{Slug}/{path}", CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write(content);
        }
    }

    public bool Exists(string path) => files.ContainsKey(path);

    public byte[] ReadBytes(string path) => files[path];

    /// <summary>The file as UTF-8 text (a byte-order mark is dropped, as File.ReadAllText does).</summary>
    public string ReadText(string path)
    {
        var bytes = files[path];
        return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The files directly in <paramref name="folder"/> ("" for the course folder), as paths.</summary>
    public IEnumerable<string> FilesIn(string folder)
    {
        var prefix = folder.Length == 0 ? "" : folder.TrimEnd('/') + "/";
        return files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !p.AsSpan(prefix.Length).Contains('/'));
    }

    /// <summary>The folders directly in <paramref name="folder"/>, as paths, in ordinal order.</summary>
    public IEnumerable<string> FoldersIn(string folder)
    {
        var prefix = folder.Length == 0 ? "" : folder.TrimEnd('/') + "/";
        return files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.AsSpan(prefix.Length).Contains('/'))
            .Select(p => prefix + p[prefix.Length..p.IndexOf('/', prefix.Length)]).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every file under <paramref name="folder"/>, at any depth.</summary>
    public IEnumerable<string> FilesUnder(string folder)
    {
        var prefix = folder.TrimEnd('/') + "/";
        return files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>A path as problems show it: under <see cref="DisplayFolder"/>.</summary>
    public string Display(string path) =>
        path.Length == 0 ? DisplayFolder : Path.Combine(DisplayFolder, path.Replace('/', Path.DirectorySeparatorChar));

    private static bool IsHidden(string relative) => relative.Split('/').Any(part => part.StartsWith('.'));
}
