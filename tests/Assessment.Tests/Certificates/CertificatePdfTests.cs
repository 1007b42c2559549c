using System.Text;
using SkiaSharp;
using Training.Assessment.Certificates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Training.Assessment.Tests.Certificates;

/// <summary>The certificate PDF embeds only subsets of its fonts, and reads and looks as with the full fonts.</summary>
public sealed class CertificatePdfTests : IDisposable
{
    private static readonly string FontFolder = Path.Combine(AppContext.BaseDirectory, "Certificates", "Fonts");
    private readonly CertificateFonts fonts = new();

    private static CertificateDocument Certificate(string name, string course = "Spotting trafficking") => new(
        name, course, "2", new DateTime(2026, 11, 23), new DateTime(2028, 11, 23), "Ministry of the Interior",
        "01JD8Z5K3T9QF6W2M4XN7B1RCE", "https://training.example.org/verify/01JD8Z5K3T9QF6W2M4XN7B1RCE#eyJwYXlsb2FkIjoidGVzdCJ9",
        new CertificateLabels("Certificate of completion", "This certifies that", "has completed the course", "Version",
            "Completed on", "Valid until", "No expiry", "Issued by", "Verification code", "Scan to verify"));

    [Fact]
    public void A_latin_certificate_is_small_and_embeds_only_subsets_of_its_fonts()
    {
        var bytes = new CertificatePdf(fonts).Render(Certificate("Jane Smith"));

        // With the whole fonts embedded it was 530 KB; with subsets it is about 14 KB.
        Assert.True(bytes.Length < 32 * 1024, $"The certificate is {bytes.Length / 1024} KB");
        var programs = EmbeddedFontPrograms(bytes);
        Assert.Equal(["NotoSans-Bold", "NotoSans-Regular"], programs.Select(p => p.Font).Order());
        foreach (var (font, stored, length) in programs)
        {
            // The fonts are half a megabyte each; their subsets 14 to 19 KB, stored compressed in 2 to 3.5 KB.
            var file = new FileInfo(Path.Combine(FontFolder, font + ".ttf"));
            Assert.True(length < file.Length / 16, $"{font} is embedded with {length} bytes, of {file.Length}");
            Assert.True(stored < 8 * 1024, $"{font} is stored in {stored} bytes");
        }
    }

    [Theory]
    [InlineData("فاطمة الزهراء", "NotoNaskhArabic-Bold NotoSans-Bold NotoSans-Regular")]
    // The Chinese font has CFF outlines, which Skia draws as Type 3 glyphs of the characters used, not as a font program.
    [InlineData("王秀英", "NotoSans-Bold NotoSans-Regular")]
    [InlineData("Trần Thị Hồng Nhung", "NotoSans-Bold NotoSans-Regular")]
    public void Arabic_chinese_and_vietnamese_names_come_back_from_the_pdf(string name, string embeddedFonts)
    {
        var bytes = new CertificatePdf(fonts).Render(Certificate(name));

        Assert.Contains(Letters(name), PageLetters(bytes));
        var programs = EmbeddedFontPrograms(bytes);
        Assert.Equal(embeddedFonts.Split(' '), programs.Select(p => p.Font).Order());
        Assert.All(programs, p => Assert.True(p.Stored < 8 * 1024, $"{p.Font} is stored in {p.Stored} bytes"));
    }

    [Fact]
    public void One_certificate_with_arabic_chinese_and_vietnamese_subsets_each_font_and_keeps_all_the_text()
    {
        // (No lam-alef: the Arabic font maps its ligature glyph to no character, so a reader gets a space for it, as
        // it did with the full font.)
        var bytes = new CertificatePdf(fonts).Render(Certificate("Amal فاطمة 王秀英 Nguyễn Văn An", "مقابلة آمنة — Safe interviewing 安全"));

        var text = PageLetters(bytes);
        Assert.Equal(["NotoNaskhArabic-Bold", "NotoSans-Bold", "NotoSans-Regular"], EmbeddedFontPrograms(bytes).Select(p => p.Font).Order());
        foreach (var part in new[] { "Amal", "فاطمة", "王秀英", "Nguyễn Văn An", "مقابلة آمنة", "Safe interviewing", "安全", "Ministry of the Interior", "01JD8Z5K3T9QF6W2M4XN7B1RCE" })
        {
            Assert.Contains(Letters(part), text);
        }
        Assert.True(bytes.Length < 48 * 1024, $"The certificate is {bytes.Length / 1024} KB");
    }

    [Theory]
    [InlineData("Jane Smith")]
    [InlineData("فاطمة الزهراء")]
    [InlineData("Amal فاطمة 王秀英 Nguyễn Văn An")]
    [InlineData("Maria Guadalupe Fernández de la Cruz y Rodríguez-Villanueva Montenegro del Valle")] // shrunk to fit
    [InlineData("ნინო Beridze")] // no font has Georgian: the .notdef box is drawn, as before
    public void The_subsets_draw_the_same_glyphs_in_the_same_places_as_the_full_fonts(string name)
    {
        // A subsetter that fails for every font: the certificate falls back to the full fonts, as before subsetting.
        using var unsubset = new CertificateFonts((_, _, _) => null);
        var full = new CertificatePdf(unsubset).Render(Certificate(name));
        var subset = new CertificatePdf(fonts).Render(Certificate(name));

        Assert.True(full.Length > 500 * 1024, $"The certificate with full fonts is {full.Length / 1024} KB");
        Assert.True(subset.Length < full.Length / 10);
        var (fullGlyphs, subsetGlyphs) = (Glyphs(full), Glyphs(subset));
        Assert.NotEmpty(fullGlyphs);
        Assert.Equal(fullGlyphs.Count, subsetGlyphs.Count);
        for (var i = 0; i < fullGlyphs.Count; i++)
        {
            // Equal but for float rounding: the subsets' runs are shaped once at one size and scaled to the size drawn.
            var (a, b) = (fullGlyphs[i], subsetGlyphs[i]);
            Assert.Equal(a.Text, b.Text);
            Assert.All(a.Measures.Zip(b.Measures), m => Assert.Equal(m.First, m.Second, 0.001));
        }
    }

    [Fact]
    public void Certificates_rendered_at_once_are_the_same_as_one_rendered_alone()
    {
        var pdf = new CertificatePdf(fonts);
        var names = new[] { "Jane Smith", "فاطمة الزهراء", "王秀英", "Trần Thị Hồng Nhung" };
        var alone = names.Select(name => pdf.Render(Certificate(name))).ToList();

        var atOnce = new byte[40][];
        Parallel.For(0, atOnce.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => atOnce[i] = pdf.Render(Certificate(names[i % names.Length])));

        for (var i = 0; i < atOnce.Length; i++)
        {
            Assert.Equal(alone[i % names.Length], atOnce[i]);
        }
    }

    [Fact]
    public void Fonts_find_a_character_where_skia_does()
    {
        // Runs go to the first font that has a character, which is looked up in the cmap that HarfBuzz reads.
        var codePoints = Enumerable.Range(0, 0x30000).Where(c => c is < 0xD800 or > 0xDFFF).ToArray();
        foreach (var file in fonts.Files)
        {
            using var font = new SKFont(file.Typeface);
            var glyphs = new ushort[codePoints.Length];
            font.GetGlyphs(codePoints, glyphs);
            var skia = codePoints.Where((_, i) => glyphs[i] != 0);
            var ours = codePoints.Where(c => file.Has(new Rune(c)));
            Assert.Equal(skia, ours);
        }
    }

    /// <summary>The letters of the page, and of a text, without spaces and in compatibility form: Arabic comes back
    /// from the PDF as presentation forms, possibly in visual order.</summary>
    private static string PageLetters(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var letters = Letters(pdf.GetPage(1).Text);
        return letters + "\n" + new string(letters.Reverse().ToArray());
    }

    private static string Letters(string text) =>
        new(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Every glyph drawn: its text, and its font size, place and outline's extent.</summary>
    private static List<(string Text, double[] Measures)> Glyphs(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return pdf.GetPage(1).Letters.Select(l => (l.Value, new[]
        {
            l.PointSize, l.StartBaseLine.X, l.StartBaseLine.Y, l.BoundingBox.Left, l.BoundingBox.Bottom, l.BoundingBox.Width, l.BoundingBox.Height,
        })).ToList();
    }

    /// <summary>Each font program embedded (FontFile, FontFile2 or FontFile3), by font name without the subset tag,
    /// with the length of its stream as stored (compressed) and decoded.</summary>
    private static List<(string Font, int Stored, int Length)> EmbeddedFontPrograms(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var programs = new List<(string, int, int)>();
        foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (pdf.Structure.GetObject(reference).Data is not DictionaryToken descriptor || !descriptor.TryGet(NameToken.FontName, out NameToken fontName))
            {
                continue;
            }
            foreach (var key in new[] { NameToken.FontFile, NameToken.FontFile2, NameToken.FontFile3 })
            {
                if (descriptor.TryGet(key, out IndirectReferenceToken program))
                {
                    var stream = (StreamToken)pdf.Structure.GetObject(program.Data).Data;
                    var name = fontName.Data[(fontName.Data.IndexOf('+', StringComparison.Ordinal) + 1)..];
                    programs.Add((name, stream.Data.Length, stream.Decode(pdf.Structure.FilterProvider).Length));
                }
            }
        }
        return programs;
    }

    public void Dispose() => fonts.Dispose();
}
