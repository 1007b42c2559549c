using System.Text;
using System.Text.RegularExpressions;

namespace Training.Content.Tests;

/// <summary>
/// Runs of 12 consecutive words, lower-cased, for catching copied sentences. Hashed (64-bit FNV-1a) so the
/// committed fixture carries no text of the sources.
/// </summary>
public static partial class Shingles
{
    public const int Length = 12;

    public static IEnumerable<(string Text, ulong Hash)> Of(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value.Replace("’", "'", StringComparison.Ordinal)).ToList();
        for (var i = 0; i + Length <= words.Count; i++)
        {
            var shingle = string.Join(' ', words.Skip(i).Take(Length));
            yield return (shingle, Hash(shingle));
        }
    }

    public static ulong Hash(string shingle)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(shingle))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>Module text without front matter and footnote definitions, which may quote report titles.</summary>
    public static string Authored(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 0 && lines[0] == "---")
        {
            var end = lines.IndexOf("---", 1);
            lines = lines.Skip(end + 1).ToList();
        }
        return string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith("[^", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"[\p{L}\p{N}'’]+")]
    private static partial Regex Word();
}
