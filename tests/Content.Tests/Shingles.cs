using System.Text;
using System.Text.RegularExpressions;

namespace Training.Content.Tests;

/// <summary>
/// Runs of 12 consecutive words, lower-cased, for catching copied sentences; and runs of 5 consecutive content
/// words, for catching close paraphrases that keep a source's words and order but swap its small words. Hashed
/// (64-bit FNV-1a) so the committed fixture carries no text of the sources.
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

    public const int ContentLength = 5;

    /// <summary>
    /// Runs of <see cref="ContentLength"/> content words: small words (articles, prepositions, pronouns, auxiliaries)
    /// dropped, endings -s, -es, -ed, -ing cut, so "gave help according to her needs" and "giving help according
    /// to their needs" are one run. Words written with a capital or a digit are dropped too: names of
    /// instruments, organisations and programmes, which the course may name, and sentence openings.
    /// </summary>
    public static IEnumerable<(string Text, ulong Hash)> ContentOf(string text)
    {
        var words = Word().Matches(text)
            .Select(m => m.Value.Replace("’", "'", StringComparison.Ordinal))
            .Where(w => !char.IsUpper(w[0]) && !char.IsDigit(w[0]) && !SmallWords.Contains(w))
            .Select(Stem)
            .ToList();
        for (var i = 0; i + ContentLength <= words.Count; i++)
        {
            var shingle = string.Join(' ', words.Skip(i).Take(ContentLength));
            yield return (shingle, Hash(shingle));
        }
    }

    private static readonly HashSet<string> SmallWords = new(
        ("a an the of to in on for and or but is are was were be been being by with as at from that this these those it its " +
         "their there they them she her he his we you your our which who whom what when where how not no can could may might " +
         "must should would will shall do does did has have had also than then so such into over under about after before " +
         "between through during other any all each more most some only own same very").Split(' '), StringComparer.Ordinal);

    private static string Stem(string word)
    {
        foreach (var ending in (string[])["'s", "ing", "ed", "es", "s"])
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                return word[..^ending.Length];
            }
        }
        return word;
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
