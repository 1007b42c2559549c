using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Training.Assessment.Certificates;

/// <summary>
/// The fonts shipped in Certificates/Fonts, and text drawn with them: each run of text goes to the first
/// font that has its characters (Latin and Cyrillic, then Arabic, then Chinese) and is shaped with
/// HarfBuzz, so Arabic joins and Vietnamese diacritics sit where they belong.
/// </summary>
public sealed class CertificateFonts : IDisposable
{
    private readonly List<(SKTypeface Typeface, SKShaper Shaper)> regular;
    private readonly List<(SKTypeface Typeface, SKShaper Shaper)> bold;

    public CertificateFonts()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Certificates", "Fonts");
        regular = Load(folder, "NotoSans-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "NotoSansSC-Subset.otf");
        bold = Load(folder, "NotoSans-Bold.ttf", "NotoNaskhArabic-Bold.ttf", "NotoSansSC-Subset.otf");
    }

    public float Measure(string text, float size, bool isBold = false) =>
        Runs(text, isBold).Sum(run => Shape(run, size).Width);

    /// <summary>Draws the text centred on x, with its baseline at y.</summary>
    public void DrawCentred(SKCanvas canvas, string text, float x, float y, float size, SKColor color, bool isBold = false)
    {
        var left = x - Measure(text, size, isBold) / 2;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var run in Runs(text, isBold))
        {
            using var font = new SKFont(run.Typeface, size);
            canvas.DrawShapedText(run.Shaper, run.Text, left, y, SKTextAlign.Left, font, paint);
            left += Shape(run, size).Width;
        }
    }

    private static SKShaper.Result Shape((string Text, SKTypeface Typeface, SKShaper Shaper) run, float size)
    {
        using var font = new SKFont(run.Typeface, size);
        return run.Shaper.Shape(run.Text, font);
    }

    private IEnumerable<(string Text, SKTypeface Typeface, SKShaper Shaper)> Runs(string text, bool isBold)
    {
        var fonts = isBold ? bold : regular;
        var current = new StringBuilder();
        var currentFont = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces and punctuation every font has stay with the run they are in.
            var index = currentFont >= 0 && Has(fonts[currentFont].Typeface, rune) && !IsScriptSpecific(rune)
                ? currentFont
                : fonts.FindIndex(f => Has(f.Typeface, rune));
            index = index < 0 ? 0 : index;
            if (index != currentFont && current.Length > 0)
            {
                yield return (current.ToString(), fonts[currentFont].Typeface, fonts[currentFont].Shaper);
                current.Clear();
            }
            currentFont = index;
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
        {
            yield return (current.ToString(), fonts[currentFont].Typeface, fonts[currentFont].Shaper);
        }
    }

    private static bool Has(SKTypeface typeface, Rune rune)
    {
        using var font = new SKFont(typeface);
        return font.GetGlyph(rune.Value) != 0;
    }

    // Letters go to the first font that has them even if the current one does too (the Arabic font has
    // Latin digits; the Chinese one has Latin letters), so each script uses its own design.
    private static bool IsScriptSpecific(Rune rune) => Rune.IsLetter(rune);

    private static List<(SKTypeface, SKShaper)> Load(string folder, params string[] files) =>
        files.Select(file =>
        {
            var typeface = SKTypeface.FromFile(Path.Combine(folder, file))
                ?? throw new InvalidOperationException($"Certificate font {file} is missing from {folder}.");
            return (typeface, new SKShaper(typeface));
        }).ToList();

    public void Dispose()
    {
        foreach (var (typeface, shaper) in regular.Concat(bold))
        {
            shaper.Dispose();
            typeface.Dispose();
        }
    }
}
