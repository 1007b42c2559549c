using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Training.Courses.Content;

namespace Training.Courses.Authoring;

/// <summary>A module file of a course folder: NN-slug.md, its position and its slug.</summary>
public sealed record ModuleFile(string FileName, int Position, string Slug)
{
    /// <summary>The file's name without ".md": its quiz and translations share it.</summary>
    public string Stem => FileName[..^3];
}

/// <summary>
/// Adding, moving and removing modules as changes to a course's files, the way a trainer would rename them in
/// a folder: a module's quiz and translations go with it, and links to it from other modules follow a rename.
/// </summary>
public static partial class ModuleFiles
{
    public static IReadOnlyList<ModuleFile> Of(CourseFiles files) =>
        files.FilesIn("").Select(f => ModuleFileName().Match(f)).Where(m => m.Success)
            .Select(m => new ModuleFile(m.Value, int.Parse(m.Groups["position"].Value, CultureInfo.InvariantCulture), m.Groups["slug"].Value))
            .OrderBy(m => m.Position).ThenBy(m => m.FileName, StringComparer.Ordinal).ToList();

    public static bool IsSlug(string slug) => SlugPattern().IsMatch(slug);

    /// <summary>A new module after the last one, with its front matter filled in; null when the slug is taken or malformed.</summary>
    public static (string Path, byte[] Content)? Add(CourseFiles files, string slug, string title)
    {
        var modules = Of(files);
        if (!IsSlug(slug) || modules.Any(m => m.Slug == slug))
        {
            return null;
        }
        var position = modules.Count == 0 ? 1 : modules.Max(m => m.Position) + 1;
        var text = "---\n"
            + $"title: {CourseSettings.Quote(title)}\n"
            + "estimatedMinutes: 15\nobjectives:\n  - Write what the learner will be able to do.\nsources: []\n---\n\n"
            + "Write the module here.\n";
        return ($"{position:00}-{slug}.md", Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Removes the module, its quiz and its translations.</summary>
    public static IReadOnlyList<(string Path, byte[]? Content)> Remove(CourseFiles files, string slug) =>
        Of(files).FirstOrDefault(m => m.Slug == slug) is not { } module ? []
            : FilesOf(files, module).Select(path => (path, (byte[]?)null)).ToList();

    /// <summary>Swaps the module with its neighbour (up: the one before it), renaming both modules' files.</summary>
    public static IReadOnlyList<(string Path, byte[]? Content)> Move(CourseFiles files, string slug, bool up)
    {
        var modules = Of(files).ToList();
        var index = modules.FindIndex(m => m.Slug == slug);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= modules.Count)
        {
            return [];
        }
        var (a, b) = (modules[index], modules[other]);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [a.FileName] = $"{b.Position:00}-{a.Slug}.md",
            [b.FileName] = $"{a.Position:00}-{b.Slug}.md",
        };
        if (a.Position == b.Position)
        {
            renames[a.FileName] = $"{(up ? a.Position - 1 : a.Position + 1):00}-{a.Slug}.md";
        }
        var moved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (module, target) in new[] { (a, renames[a.FileName]), (b, renames[b.FileName]) })
        {
            foreach (var path in FilesOf(files, module))
            {
                moved[path] = path[..(path.Length - Path.GetFileName(path).Length)] + target[..^3] + Path.GetFileName(path)[module.Stem.Length..];
            }
        }
        // The folder after the move; links between modules name their files, so they follow the renames.
        var after = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in files.Paths)
        {
            var content = files.ReadBytes(path);
            if (path.EndsWith(".md", StringComparison.Ordinal))
            {
                var text = Encoding.UTF8.GetString(content);
                var rewritten = renames.Aggregate(text, (t, r) => t.Replace($"]({r.Key})", $"]({r.Value})", StringComparison.Ordinal).Replace($"]({r.Key}#", $"]({r.Value}#", StringComparison.Ordinal));
                content = rewritten == text ? content : Encoding.UTF8.GetBytes(rewritten);
            }
            after[moved.GetValueOrDefault(path, path)] = content;
        }
        var changes = files.Paths.Where(p => !after.ContainsKey(p)).Select(p => (p, (byte[]?)null)).ToList();
        changes.AddRange(after.Where(f => !files.Exists(f.Key) || !files.ReadBytes(f.Key).AsSpan().SequenceEqual(f.Value)).Select(f => (f.Key, (byte[]?)f.Value)));
        return changes;
    }

    /// <summary>The module's file, its quiz, and both in every translation folder.</summary>
    private static List<string> FilesOf(CourseFiles files, ModuleFile module) =>
        files.Paths.Where(p => Path.GetFileName(p) is var name && (name == module.FileName || name == module.Stem + ".quiz.md")
            && (p == name || p.StartsWith("translations/", StringComparison.Ordinal))).ToList();

    [GeneratedRegex(@"^(?<position>\d+)-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")]
    private static partial Regex ModuleFileName();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
