using System.Globalization;
using System.Text;

namespace Training.Assessment.Certificates;

/// <summary>
/// The visual order of one line of certificate text: the parts of the Unicode Bidirectional Algorithm (UAX #9) that a
/// single line without explicit embeddings needs — character types, weak types (W1–W7), neutrals (N1–N2), levels
/// (I1–I2) and reordering (L2). Right-to-left text is not reordered by HarfBuzz, which shapes one run in one direction:
/// without this, "2 ديسمبر 2026" came out as "6202 ديسمبر 2" and the parts of an Arabic line around a Latin word
/// were drawn in logical order, left to right.
/// </summary>
internal static class CertificateBidi
{
    private enum Kind { L, R, AL, EN, AN, ES, CS, ET, NSM, N }

    /// <summary>The line in runs of one direction each, left to right as drawn; each run's text in logical order.</summary>
    public static List<(string Text, bool RightToLeft)> VisualRuns(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return [];
        }
        var kinds = runes.Select(KindOf).ToArray();
        // P2–P3: the paragraph's direction is that of its first strong character.
        var paragraphRtl = kinds.FirstOrDefault(k => k is Kind.L or Kind.R or Kind.AL) is Kind.R or Kind.AL;
        var sos = paragraphRtl ? Kind.R : Kind.L;

        // W1: a combining mark takes the type of what it follows.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] == Kind.NSM)
            {
                kinds[i] = i == 0 ? sos : kinds[i - 1];
            }
        }
        // W2: European digits after Arabic letters are Arabic numbers. W3: Arabic letters are right-to-left.
        var lastStrong = sos;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] is Kind.L or Kind.R or Kind.AL)
            {
                lastStrong = kinds[i];
            }
            else if (kinds[i] == Kind.EN && lastStrong == Kind.AL)
            {
                kinds[i] = Kind.AN;
            }
        }
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = kinds[i] == Kind.AL ? Kind.R : kinds[i];
        }
        // W4: one separator between two numbers of a kind joins them ("2026-12-02", "1.5", "12:30").
        for (var i = 1; i < kinds.Length - 1; i++)
        {
            if (kinds[i] == Kind.ES && kinds[i - 1] == Kind.EN && kinds[i + 1] == Kind.EN)
            {
                kinds[i] = Kind.EN;
            }
            else if (kinds[i] == Kind.CS && kinds[i - 1] is Kind.EN or Kind.AN && kinds[i + 1] == kinds[i - 1])
            {
                kinds[i] = kinds[i - 1];
            }
        }
        // W5: terminators next to European numbers ("15 %", "$20") join them.
        ResolveSequences(kinds, Kind.ET, (start, end) =>
            (start > 0 && kinds[start - 1] == Kind.EN) || (end < kinds.Length && kinds[end] == Kind.EN) ? Kind.EN : Kind.N);
        // W6: other separators are neutral. W7: European numbers in left-to-right text are left-to-right.
        lastStrong = sos;
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = kinds[i] is Kind.ES or Kind.CS or Kind.ET ? Kind.N : kinds[i];
            if (kinds[i] is Kind.L or Kind.R)
            {
                lastStrong = kinds[i];
            }
            else if (kinds[i] == Kind.EN && lastStrong == Kind.L)
            {
                kinds[i] = Kind.L;
            }
        }
        // N1–N2: neutrals between text of one direction take it (numbers count as right-to-left); others take the
        // paragraph's.
        ResolveSequences(kinds, Kind.N, (start, end) =>
        {
            var before = start == 0 ? sos : Direction(kinds[start - 1]);
            var after = end == kinds.Length ? sos : Direction(kinds[end]);
            return before == after ? before : sos;
        });
        // I1–I2: embedding levels.
        var levels = kinds.Select(k => paragraphRtl
            ? (k == Kind.R ? 1 : 2)
            : (k == Kind.L ? 0 : k == Kind.R ? 1 : 2)).ToArray();

        // Runs of one level, in logical order.
        var runs = new List<(StringBuilder Text, int Level)>();
        for (var i = 0; i < runes.Length; i++)
        {
            if (runs.Count == 0 || runs[^1].Level != levels[i])
            {
                runs.Add((new StringBuilder(), levels[i]));
            }
            runs[^1].Text.Append(runes[i].ToString());
        }
        // L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or higher.
        var highest = runs.Max(r => r.Level);
        var lowestOdd = runs.Where(r => r.Level % 2 == 1).Select(r => r.Level).DefaultIfEmpty(int.MaxValue).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Level < level)
                {
                    continue;
                }
                var end = i;
                while (end < runs.Count && runs[end].Level >= level)
                {
                    end++;
                }
                runs.Reverse(i, end - i);
                i = end - 1;
            }
        }
        return runs.Select(r => (r.Text.ToString(), r.Level % 2 == 1)).ToList();
    }

    /// <summary>Gives each longest sequence of <paramref name="kind"/>, from start to end (exclusive), the kind <paramref name="resolve"/> picks.</summary>
    private static void ResolveSequences(Kind[] kinds, Kind kind, Func<int, int, Kind> resolve)
    {
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != kind)
            {
                continue;
            }
            var end = i;
            while (end < kinds.Length && kinds[end] == kind)
            {
                end++;
            }
            Array.Fill(kinds, resolve(i, end), i, end - i);
            i = end - 1;
        }
    }

    private static Kind Direction(Kind kind) => kind is Kind.EN or Kind.AN ? Kind.R : kind;

    private static Kind KindOf(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 0x0660 and <= 0x0669 or >= 0x06F0 and <= 0x06F9)
        {
            return Kind.AN;
        }
        if (value is >= '0' and <= '9')
        {
            return Kind.EN;
        }
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return Kind.NSM;
        }
        if (Rune.IsLetter(rune) || category is UnicodeCategory.SpacingCombiningMark || (Rune.IsDigit(rune) && value > 0x7F))
        {
            // Arabic, Syriac, Thaana, N'Ko and their presentation forms; Hebrew.
            if (value is >= 0x0600 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF or >= 0x1EE00 and <= 0x1EEFF)
            {
                return Kind.AL;
            }
            return value is >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F or >= 0x10800 and <= 0x10FFF ? Kind.R : Kind.L;
        }
        return value switch
        {
            '+' or '-' or 0x2212 => Kind.ES,
            ',' or '.' or ':' or '/' or 0x00A0 or 0x060C => Kind.CS,
            '#' or '$' or '%' or 0x00A3 or 0x00A5 or 0x20AC or 0x066A => Kind.ET,
            _ => Kind.N,
        };
    }
}
