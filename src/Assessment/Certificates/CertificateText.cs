using SkiaSharp;

namespace Training.Assessment.Certificates;

/// <summary>A line of text laid out by <see cref="CertificateText.Add"/>.</summary>
public sealed class TextLine
{
    internal TextLine(List<ShapedRun> runs) => Runs = runs;

    internal List<ShapedRun> Runs { get; }

    public float Width(float size) => Runs.Sum(run => run.Width) * size / ShapedRun.Size;
}

/// <summary>
/// The text of one document. Every line is added (and shaped) first; the first line drawn subsets each font used to
/// the glyphs of all the lines, and every line is drawn with the subsets at the positions shaped with the full fonts.
/// Not shared between threads: one per render. Dispose it after the PDF document is closed, which is when Skia
/// writes the fonts out.
/// </summary>
public sealed class CertificateText : IDisposable
{
    private readonly CertificateFonts fonts;
    private readonly List<TextLine> lines = [];
    private Dictionary<CertificateFonts.FontFile, SKTypeface>? typefaces;
    private readonly List<SKTypeface> subsets = [];

    internal CertificateText(CertificateFonts fonts) => this.fonts = fonts;

    public TextLine Add(string text, bool isBold = false)
    {
        if (typefaces is not null)
        {
            throw new InvalidOperationException("Add every line before drawing any: the fonts are subset to the lines added.");
        }
        var line = new TextLine(fonts.Shape(text, isBold));
        lines.Add(line);
        return line;
    }

    /// <summary>Draws the line centred on x, with its baseline at y.</summary>
    public void DrawCentred(SKCanvas canvas, TextLine line, float x, float y, float size, SKColor color)
    {
        if (!lines.Contains(line))
        {
            throw new ArgumentException("The line was not added to this text.", nameof(line));
        }
        typefaces ??= Subset();
        var scale = size / ShapedRun.Size;
        var left = x - line.Width(size) / 2;
        using var builder = new SKTextBlobBuilder();
        foreach (var run in line.Runs)
        {
            if (run.Glyphs.Length > 0)
            {
                var positions = new SKPoint[run.Points.Length];
                for (var i = 0; i < positions.Length; i++)
                {
                    positions[i] = new SKPoint(left + run.Points[i].X * scale, y + run.Points[i].Y * scale);
                }
                using var font = new SKFont(typefaces[run.File], size);
                builder.AddPositionedRun(run.Glyphs, font, positions);
            }
            left += run.Width * scale;
        }
        using var blob = builder.Build();
        if (blob is not null)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(blob, 0, 0, paint);
        }
    }

    /// <summary>Each font used, as a subset of the glyphs the lines use; the full font where it is not worth it or fails.</summary>
    private Dictionary<CertificateFonts.FontFile, SKTypeface> Subset()
    {
        var result = new Dictionary<CertificateFonts.FontFile, SKTypeface>();
        foreach (var byFile in lines.SelectMany(line => line.Runs).GroupBy(run => run.File))
        {
            var file = byFile.Key;
            result[file] = file.Typeface;
            if (!file.IsEmbeddedWhole)
            {
                continue;
            }
            var glyphs = byFile.SelectMany(run => run.Glyphs).Distinct().ToList();
            // With the code points the full font maps to these glyphs (Arabic presentation forms among them), the
            // subset keeps the cmap from which Skia writes the ToUnicode map that readers extract the text with.
            // HarfBuzz keeps the cmap entries of the glyphs asked for of itself too; naming them does not rely on it.
            using var data = fonts.Subset(file.Face, glyphs, file.CodePointsOf(glyphs).Distinct());
            var subset = data is null ? null : SKTypeface.FromData(data);
            if (subset is not null)
            {
                subsets.Add(subset);
                result[file] = subset;
            }
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var subset in subsets)
        {
            subset.Dispose();
        }
        subsets.Clear();
    }
}
