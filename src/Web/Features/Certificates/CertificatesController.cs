using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Assessment.Certificates;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Certificates;

/// <summary>Downloading a certificate, the public verification page and the public key.</summary>
public sealed class CertificatesController(CertificateService certificates, CertificateSigner signer, SiteUrls urls, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/certificates/{code}.pdf")]
    [Authorize(Roles = Roles.Learner)]
    public async Task<IActionResult> Download(string code, CancellationToken cancellationToken)
    {
        var labels = new CertificateLabels(
            localizer["Certificate of completion"], localizer["This certifies that"], localizer["has completed the course"],
            localizer["Course version"], localizer["Completed on"], localizer["Valid until"], localizer["Does not expire"],
            localizer["Issued by"], localizer["Verification code"], localizer["Scan to verify"]);
        var bytes = await certificates.PdfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, code, VerificationUrl(code), labels, cancellationToken);
        return bytes is null ? NotFound() : File(bytes, "application/pdf", $"certificate-{code}.pdf");
    }

    [HttpGet("/verify")]
    [AllowAnonymous]
    public IActionResult Lookup() => View("Verify", (VerificationResult?)null);

    [HttpPost("/verify")]
    [AllowAnonymous]
    public IActionResult Lookup(string? code) =>
        string.IsNullOrWhiteSpace(code) ? RedirectToAction(nameof(Lookup)) : RedirectToAction(nameof(Verify), new { code = code.Trim() });

    [HttpGet("/verify/{code}")]
    [AllowAnonymous]
    [EnableRateLimiting(CertificateRegistration.VerifyRateLimit)]
    public async Task<IActionResult> Verify(string code, CancellationToken cancellationToken)
    {
        var result = await certificates.VerifyAsync(code, cancellationToken);
        if (result is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            ViewData["NotFound"] = code;
        }
        return View("Verify", result);
    }

    /// <summary>The key that checks the signed payload in a certificate's QR code, at a stable address.</summary>
    [HttpGet("/certificates/public-key.pem")]
    [AllowAnonymous]
    public ContentResult PublicKey() => Content(signer.PublicKeyPem, "application/x-pem-file");

    private string VerificationUrl(string code) => urls.Absolute($"/verify/{code}");
}
