using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Training.Assessment.Certificates;

/// <summary>
/// The fonts shipped in Certificates/Fonts, loaded once and shared by every render: each run of text goes to the
/// first font that has its characters (Latin and Cyrillic, then Arabic, then Chinese) and is shaped with HarfBuzz,
/// so Arabic joins and Vietnamese diacritics sit where they belong. A document lays its text out with
/// <see cref="StartText"/>, which draws it with fonts subset to the glyphs the document uses.
/// </summary>
public sealed class CertificateFonts : IDisposable
{
    private readonly List<FontFile> files;
    private readonly List<FontFile> regular;
    private readonly List<FontFile> bold;

    public CertificateFonts() : this(FontSubsetter.Subset)
    {
    }

    /// <param name="subset">Makes a subset font program (<see cref="FontSubsetter.Subset"/>, or a stand-in in tests).</param>
    internal CertificateFonts(Func<Face, IReadOnlyCollection<ushort>, IEnumerable<int>, SKData?> subset)
    {
        Subset = subset;
        var folder = Path.Combine(AppContext.BaseDirectory, "Certificates", "Fonts");
        // The Chinese font has one weight, shared by both lists.
        var chinese = new FontFile(folder, "NotoSansSC-Subset.otf");
        regular = [new FontFile(folder, "NotoSans-Regular.ttf"), new FontFile(folder, "NotoNaskhArabic-Regular.ttf"), chinese];
        bold = [new FontFile(folder, "NotoSans-Bold.ttf"), new FontFile(folder, "NotoNaskhArabic-Bold.ttf"), chinese];
        files = regular.Concat(bold).Distinct().ToList();
    }

    internal Func<Face, IReadOnlyCollection<ushort>, IEnumerable<int>, SKData?> Subset { get; }

    internal IReadOnlyList<FontFile> Files => files;

    /// <summary>The text of one document: lay out every line, then draw them. Dispose after the document is closed.</summary>
    public CertificateText StartText() => new(this);

    /// <summary>
    /// The text in runs of one direction and one font each, left to right as drawn (<see cref="CertificateBidi"/>),
    /// every run shaped once with the full font in its direction.
    /// </summary>
    internal List<ShapedRun> Shape(string text, bool isBold)
    {
        var shaped = new List<ShapedRun>();
        foreach (var (directional, rightToLeft) in CertificateBidi.VisualRuns(text))
        {
            var runs = Runs(directional, isBold ? bold : regular).ToList();
            if (rightToLeft)
            {
                runs.Reverse();
            }
            foreach (var (run, file) in runs)
            {
                using var font = new SKFont(file.Typeface, ShapedRun.Size);
                using var buffer = new HarfBuzzSharp.Buffer();
                buffer.AddUtf16(run);
                buffer.GuessSegmentProperties();
                // A run of digits or punctuation alone has no script to guess a direction from; an RTL one mirrors brackets.
                buffer.Direction = rightToLeft ? HarfBuzzSharp.Direction.RightToLeft : HarfBuzzSharp.Direction.LeftToRight;
                var result = file.Shaper.Shape(buffer, font);
                shaped.Add(new ShapedRun(file, result.Codepoints.Select(glyph => (ushort)glyph).ToArray(), result.Points, result.Width));
            }
        }
        return shaped;
    }

    private static IEnumerable<(string Text, FontFile File)> Runs(string text, List<FontFile> fonts)
    {
        var current = new StringBuilder();
        var currentFont = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces and punctuation every font has stay with the run they are in.
            var index = currentFont >= 0 && fonts[currentFont].Has(rune) && !IsScriptSpecific(rune)
                ? currentFont
                : fonts.FindIndex(f => f.Has(rune));
            index = index < 0 ? 0 : index;
            if (index != currentFont && current.Length > 0)
            {
                yield return (current.ToString(), fonts[currentFont]);
                current.Clear();
            }
            currentFont = index;
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
        {
            yield return (current.ToString(), fonts[currentFont]);
        }
    }

    // Letters go to the first font that has them even if the current one does too (the Arabic font has
    // Latin digits; the Chinese one has Latin letters), so each script uses its own design.
    private static bool IsScriptSpecific(Rune rune) => Rune.IsLetter(rune);

    public void Dispose()
    {
        foreach (var file in files)
        {
            file.Dispose();
        }
    }

    /// <summary>One font file: the Skia typeface and HarfBuzz shaper of the full font, and its HarfBuzz face to subset.</summary>
    internal sealed class FontFile : IDisposable
    {
        private readonly Dictionary<int, ushort> glyphs;
        private readonly ILookup<ushort, int> codePoints;

        public FontFile(string folder, string name)
        {
            Name = name;
            var path = Path.Combine(folder, name);
            Typeface = SKTypeface.FromFile(path)
                ?? throw new InvalidOperationException($"Certificate font {name} is missing from {folder}.");
            Shaper = new SKShaper(Typeface);
            using (var blob = Blob.FromFile(path))
            {
                Face = new Face(blob, 0);
            }
            glyphs = FontSubsetter.NominalGlyphs(Face);
            codePoints = glyphs.ToLookup(pair => pair.Value, pair => pair.Key);
            // Skia embeds a TrueType font program whole, so subsetting it pays; it draws a font with CFF outlines (the
            // Chinese one) as Type 3 glyph procedures of the glyphs used, which subsetting would not make smaller.
            IsEmbeddedWhole = Face.Tables.Contains(Tag.Parse("glyf"));
        }

        public string Name { get; }

        public SKTypeface Typeface { get; }

        public SKShaper Shaper { get; }

        public Face Face { get; }

        public bool IsEmbeddedWhole { get; }

        public bool Has(Rune rune) => glyphs.TryGetValue(rune.Value, out var glyph) && glyph != 0;

        /// <summary>The code points the font's cmap maps to these glyphs (the ones a PDF reader gets back from them).</summary>
        public IEnumerable<int> CodePointsOf(IEnumerable<ushort> glyphIds) => glyphIds.SelectMany(glyph => codePoints[glyph]);

        public void Dispose()
        {
            Shaper.Dispose();
            Face.Dispose();
            Typeface.Dispose();
        }
    }
}

/// <summary>A run of glyphs of one font, shaped at <see cref="Size"/>: positions and width scale with the size drawn.</summary>
internal sealed record ShapedRun(CertificateFonts.FontFile File, ushort[] Glyphs, SKPoint[] Points, float Width)
{
    public const float Size = 512;
}
