using Training.Assessment.Certificates;
using UglyToad.PdfPig;

namespace Training.Assessment.Tests.Certificates;

/// <summary>Right-to-left lines on a certificate are drawn in the order a reader expects (UAX #9 for one line).</summary>
public sealed class CertificateBidiTests : IDisposable
{
    private readonly CertificateFonts fonts = new();

    [Fact]
    public void Digits_in_an_arabic_line_read_left_to_right_and_the_line_reads_right_to_left()
    {
        var runs = CertificateBidi.VisualRuns("تاريخ الإتمام 2 ديسمبر 2026");

        Assert.Equal(
            [("2026", false), (" ديسمبر ", true), ("2", false), ("تاريخ الإتمام ", true)],
            runs);
    }

    [Fact]
    public void An_arabic_line_with_a_latin_word_at_its_end_draws_the_word_at_the_left()
    {
        Assert.Equal([("Training", false), ("صادرة عن ", true)], CertificateBidi.VisualRuns("صادرة عن Training"));
    }

    [Fact]
    public void A_latin_line_with_an_arabic_name_keeps_the_name_in_place_and_its_number_with_it()
    {
        Assert.Equal([("Amal ", false), ("2", false), ("فاطمة ", true)], CertificateBidi.VisualRuns("Amal فاطمة 2"));
        Assert.Equal([("Completed on 2 December 2026", false)], CertificateBidi.VisualRuns("Completed on 2 December 2026"));
    }

    [Fact]
    public void A_date_in_an_arabic_line_keeps_each_number_left_to_right_and_brackets_stay_around_their_word()
    {
        var runs = CertificateBidi.VisualRuns("إصدار الدورة 2026-12-02 (bench)");

        Assert.Equal(string.Concat(runs.Select(r => r.Text)).Length, "إصدار الدورة 2026-12-02 (bench)".Length);
        Assert.Equal(("إصدار الدورة ", true), runs[^1]);
        Assert.Contains(("2026", false), runs);
        Assert.Contains(("bench", false), runs);
        // Drawn right to left, the brackets are mirrored by the shaper, so "(bench)" reads as written.
        Assert.True(runs.FindIndex(r => r.Text == "bench") < runs.FindIndex(r => r.Text == "2026"));
    }

    [Fact]
    public void An_arabic_certificate_draws_its_years_as_written()
    {
        var labels = new CertificateLabels("شهادة إتمام", "تشهد هذه الوثيقة بإتمام", "للدورة التدريبية", "إصدار الدورة",
            "تاريخ الإتمام", "صالحة حتى", "بلا تاريخ انتهاء", "صادرة عن", "رمز التحقق", "امسح للتحقق");
        var certificate = new CertificateDocument("فاطمة الزهراء", "مقابلة آمنة", "2", new DateTime(2026, 11, 23), new DateTime(2028, 11, 23),
            "Training", "01JD8Z5K3T9QF6W2M4XN7B1RCE", "https://training.example.org/verify/01JD8Z5K3T9QF6W2M4XN7B1RCE", labels);

        using var pdf = PdfDocument.Open(new CertificatePdf(fonts).Render(certificate));
        // The glyphs in the order they are drawn, left to right on each line.
        var drawn = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));

        Assert.Contains("2026", drawn, StringComparison.Ordinal);
        Assert.Contains("2028", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("6202", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("8202", drawn, StringComparison.Ordinal);
        Assert.Contains("01JD8Z5K3T9QF6W2M4XN7B1RCE", drawn, StringComparison.Ordinal);
    }

    public void Dispose() => fonts.Dispose();
}
