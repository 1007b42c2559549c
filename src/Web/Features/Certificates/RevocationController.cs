using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Assessment.Certificates;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Certificates;

public sealed record CertificateListViewModel(string? Search, bool OlderVersionsOnly, IReadOnlyList<CertificateRow> Certificates, string? Error);

/// <summary>Coordinators (their units' people) and admins (everyone) find certificates and revoke them with a reason.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class RevocationController(CertificateRegister register, CurrentActor currentActor, IStringLocalizer<SharedResource> localizer) : Controller
{
    // Beside the other certificate pages, not in a folder of its own.
    private const string ViewPath = "/Features/Certificates/Revocations.cshtml";

    [HttpGet("/certificates")]
    public async Task<IActionResult> Index(string? q, bool olderVersions, CancellationToken cancellationToken) =>
        View(ViewPath, new CertificateListViewModel(q, olderVersions,
            await register.FindAsync(await currentActor.GetAsync(cancellationToken), q, olderVersions, cancellationToken), null));

    [HttpPost("/certificates/{code}/revoke")]
    public async Task<IActionResult> Revoke(string code, [Required, StringLength(1000)] string? reason, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(reason))
        {
            var found = await register.FindAsync(actor, code, false, cancellationToken);
            if (found.Count == 0)
            {
                return NotFound();
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(ViewPath, new CertificateListViewModel(code, false, found, localizer["Give a reason for revoking the certificate."]));
        }
        var outcome = await register.RevokeAsync(actor, code, reason.Trim(), cancellationToken);
        if (outcome == RevokeOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Status"] = localizer["Certificate {0} is revoked. The verification page shows it now.", code].Value;
        return RedirectToAction(nameof(Index), new { q = code });
    }
}
