using System.Globalization;
using System.Text;

namespace Training.Courses.Catalog;

/// <summary>
/// The one folding of text for search, used on the stored side (<see cref="Course.SearchText"/>, filled at
/// import) and on the query side, so a LIKE over lower-case ASCII-safe text finds "Égalité" with "egalite",
/// "tráfico" with "TRAFICO", Arabic with or without its vowel marks and "Straße" with "strasse". Databases
/// cannot do this alone: SQLite's LIKE folds ASCII letters only and SQL Server's depends on the collation.
/// Any text to be found (a translated title, later) goes through <see cref="Of"/> too.
/// </summary>
public static class SearchText
{
    private const char Tatweel = '\u0640';
    private const char ArabicAlef = '\u0627';

    /// <summary>Lower-case, without accents or Arabic diacritics, alef forms unified, runs of spaces made one.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        // Compatibility decomposition also turns ligatures (ﬁ), full-width letters and Arabic presentation
        // forms into plain letters; أ إ آ become ا plus a combining hamza or madda, dropped below.
        var decomposed = text.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Accents and Arabic tashkeel (fatha, damma, kasra, shadda, sukun, tanwin, dagger alef) are
            // non-spacing marks; tatweel only stretches a word.
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark || c == Tatweel)
            {
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            folded.Append(c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'đ' => "d",
                'ł' => "l",
                'ı' => "i",
                '\u0671' => ArabicAlef.ToString(), // alef wasla
                _ => c.ToString(),
            });
        }
        return folded.ToString();
    }

    /// <summary>The search text of several fields: each folded, joined by spaces.</summary>
    public static string Of(params IEnumerable<string?> parts) =>
        string.Join(' ', parts.Select(Normalise).Where(p => p.Length > 0));
}
