using System.Globalization;
using QRCoder;
using SkiaSharp;

namespace Training.Assessment.Certificates;

/// <summary>What the PDF shows; labels come localised from the caller.</summary>
public sealed record CertificateDocument(
    string LearnerName, string CourseTitle, string CourseVersion, DateTime CompletedAt, DateTime? ExpiresAt,
    string IssuerName, string Code, string QrText, CertificateLabels Labels);

public sealed record CertificateLabels(
    string Title, string Certifies, string HasCompleted, string Version, string CompletedOn, string ValidUntil,
    string NoExpiry, string IssuedBy, string VerificationCode, string ScanToVerify);

/// <summary>An A4 landscape certificate with a QR code that opens the verification page.</summary>
public sealed class CertificatePdf(CertificateFonts fonts)
{
    private const float Width = 842, Height = 595; // A4 landscape, in points
    private static readonly SKColor Ink = new(0x1b, 0x1b, 0x1b), Brand = new(0x0b, 0x55, 0x63), Muted = new(0x4a, 0x4a, 0x4a);

    public byte[] Render(CertificateDocument certificate)
    {
        // Skia writes the fonts out when the document closes: the text (and its font subsets) must outlive it.
        using var text = fonts.StartText();
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = $"{certificate.Labels.Title}: {certificate.CourseTitle}",
            Author = certificate.IssuerName,
            Creator = "Training",
        }))
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, text, certificate);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, CertificateText text, CertificateDocument c)
    {
        var date = (DateTime d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
        var validity = c.ExpiresAt is { } expires ? $"{c.Labels.ValidUntil} {date(expires)}" : c.Labels.NoExpiry;

        // Every line is laid out before any is drawn, so that the fonts are subset once to all the glyphs used.
        var issuer = text.Add(c.IssuerName);
        var title = text.Add(c.Labels.Title, isBold: true);
        var certifies = text.Add(c.Labels.Certifies);
        var learner = text.Add(c.LearnerName, isBold: true);
        var hasCompleted = text.Add(c.Labels.HasCompleted);
        var course = text.Add(c.CourseTitle, isBold: true);
        var version = text.Add($"{c.Labels.Version} {c.CourseVersion}");
        var dates = text.Add($"{c.Labels.CompletedOn} {date(c.CompletedAt)}   ·   {validity}");
        var issuedBy = text.Add($"{c.Labels.IssuedBy} {c.IssuerName}");
        var code = text.Add($"{c.Labels.VerificationCode} {c.Code}");
        var scanToVerify = text.Add(c.Labels.ScanToVerify);

        using (var frame = new SKPaint { Color = Brand, IsStroke = true, StrokeWidth = 6, IsAntialias = true })
        {
            canvas.DrawRect(24, 24, Width - 48, Height - 48, frame);
        }
        using (var inner = new SKPaint { Color = Brand, IsStroke = true, StrokeWidth = 1, IsAntialias = true })
        {
            canvas.DrawRect(36, 36, Width - 72, Height - 72, inner);
        }
        var centre = Width / 2;

        text.DrawCentred(canvas, issuer, centre, 92, 16, Muted);
        text.DrawCentred(canvas, title, centre, 140, 34, Brand);
        text.DrawCentred(canvas, certifies, centre, 190, 15, Muted);
        text.DrawCentred(canvas, learner, centre, 240, FitSize(learner, 32, 560), Ink);
        text.DrawCentred(canvas, hasCompleted, centre, 285, 15, Muted);
        text.DrawCentred(canvas, course, centre, 325, FitSize(course, 22, 620), Ink);
        text.DrawCentred(canvas, version, centre, 352, 11, Muted);
        text.DrawCentred(canvas, dates, centre, 400, 13, Ink);
        text.DrawCentred(canvas, issuedBy, centre, 470, 12, Muted);
        text.DrawCentred(canvas, code, centre, 492, 12, Ink);

        DrawQr(canvas, c.QrText, Width - 60 - 110, Height - 60 - 110, 110);
        text.DrawCentred(canvas, scanToVerify, Width - 60 - 55, Height - 42, 9, Muted);
    }

    private static float FitSize(TextLine line, float size, float maxWidth)
    {
        var width = line.Width(size);
        return width <= maxWidth ? size : Math.Max(10, size * maxWidth / width);
    }

    /// <summary>The QR code as vector squares: sharp at any zoom and when printed.</summary>
    private static void DrawQr(SKCanvas canvas, string text, float x, float y, float size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var white = new SKPaint { Color = SKColors.White };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(x, y, size, size, white);
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Count; column++)
            {
                if (modules[row][column])
                {
                    canvas.DrawRect(x + column * cell, y + row * cell, cell + 0.2f, cell + 0.2f, black);
                }
            }
        }
    }
}
