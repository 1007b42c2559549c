using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Training.Courses.Content;

namespace Training.Courses.Authoring;

public enum FileChange { Added, Removed, Changed }

/// <summary>A line of a diff: its number in its file (none for a gap in the side-by-side view) and how it changed.</summary>
public sealed record DiffLine(ChangeType Kind, int? Number, string Text);

public sealed record SideBySideRow(DiffLine Old, DiffLine New);

/// <summary>One file that differs between two versions; a binary file (an image) has no lines.</summary>
public sealed record FileDiff(string Path, FileChange Change, bool IsText, IReadOnlyList<DiffLine> Inline, IReadOnlyList<SideBySideRow> SideBySide);

/// <summary>What changed between two versions of a course's files, line by line (DiffPlex), both inline and side by side.</summary>
public static class CourseDiff
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".yml", ".yaml", ".txt", ".svg" };

    public static IReadOnlyList<FileDiff> Compare(CourseFiles older, CourseFiles newer)
    {
        var diffs = new List<FileDiff>();
        foreach (var path in older.Paths.Union(newer.Paths).Order(StringComparer.Ordinal))
        {
            var (inOld, inNew) = (older.Exists(path), newer.Exists(path));
            if (inOld && inNew && older.ReadBytes(path).AsSpan().SequenceEqual(newer.ReadBytes(path)))
            {
                continue;
            }
            var change = !inOld ? FileChange.Added : !inNew ? FileChange.Removed : FileChange.Changed;
            if (!TextExtensions.Contains(Path.GetExtension(path)))
            {
                diffs.Add(new FileDiff(path, change, false, [], []));
                continue;
            }
            var (oldText, newText) = (inOld ? older.ReadText(path) : "", inNew ? newer.ReadText(path) : "");
            var inline = InlineDiffBuilder.Diff(oldText, newText, ignoreWhiteSpace: false)
                .Lines.Select(l => new DiffLine(l.Type, l.Position, l.Text ?? "")).ToList();
            var sides = SideBySideDiffBuilder.Diff(oldText, newText, false, false);
            var rows = sides.OldText.Lines.Zip(sides.NewText.Lines,
                (o, n) => new SideBySideRow(new DiffLine(o.Type, o.Position, o.Text ?? ""), new DiffLine(n.Type, n.Position, n.Text ?? ""))).ToList();
            diffs.Add(new FileDiff(path, change, true, inline, rows));
        }
        return diffs;
    }

    /// <summary>The diff as plain text ("+ line", "- line"), for a test or a log to read.</summary>
    public static string ToText(FileDiff diff)
    {
        var text = new StringBuilder();
        foreach (var line in diff.Inline.Where(l => l.Kind is ChangeType.Inserted or ChangeType.Deleted))
        {
            text.Append(line.Kind == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text);
        }
        return text.ToString();
    }
}
