using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Training.Assessment.Certificates;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Certificates;

public sealed record CertificateRow(string Code, string LearnerName, string CourseTitle, DateTime CompletedAt, DateTime? ExpiresAt, DateTime? RevokedAt, string? RevocationReason, int CertifiedMajorVersion, int CurrentMajorVersion);

public sealed record CertificateListViewModel(string? Search, bool OlderVersionsOnly, IReadOnlyList<CertificateRow> Certificates, string? Error);

/// <summary>Coordinators and admins find certificates and revoke them with a reason (who and when are recorded).</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class RevocationController(TrainingDbContext db, CertificateService certificates, IStringLocalizer<SharedResource> localizer) : Controller
{
    // Beside the other certificate pages, not in a folder of its own.
    private const string ViewPath = "/Features/Certificates/Revocations.cshtml";

    [HttpGet("/certificates")]
    public async Task<IActionResult> Index(string? q, bool olderVersions, CancellationToken cancellationToken) =>
        View(ViewPath, new CertificateListViewModel(q, olderVersions, await FindAsync(q, olderVersions, cancellationToken), null));

    [HttpPost("/certificates/{code}/revoke")]
    public async Task<IActionResult> Revoke(string code, [Required, StringLength(1000)] string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return View(ViewPath, new CertificateListViewModel(code, false, await FindAsync(code, false, cancellationToken), localizer["Give a reason for revoking the certificate."]));
        }
        var outcome = await certificates.RevokeAsync(code, User.FindFirstValue(ClaimTypes.NameIdentifier)!, reason.Trim(), cancellationToken);
        if (outcome == RevokeOutcome.NotFound)
        {
            return NotFound();
        }
        TempData["Status"] = localizer["Certificate {0} is revoked. The verification page shows it now.", code].Value;
        return RedirectToAction(nameof(Index), new { q = code });
    }

    /// <param name="olderVersions">Only valid certificates for a course that has since had a major change.</param>
    private async Task<List<CertificateRow>> FindAsync(string? search, bool olderVersions, CancellationToken cancellationToken)
    {
        var query = db.Certificates.AsNoTracking();
        if (olderVersions)
        {
            query = query.Where(c => c.RevokedAt == null && db.Courses.Any(course => course.Id == c.CourseId && course.MajorVersion > c.CourseMajorVersion));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(c => c.Code == code || c.LearnerName.Contains(text) || c.CourseTitle.Contains(text));
        }
        return await query.OrderByDescending(c => c.IssuedAt).Take(50)
            .Select(c => new CertificateRow(c.Code, c.LearnerName, c.CourseTitle, c.CompletedAt, c.ExpiresAt, c.RevokedAt, c.RevocationReason,
                c.CourseMajorVersion, db.Courses.Where(course => course.Id == c.CourseId).Select(course => course.MajorVersion).Single()))
            .ToListAsync(cancellationToken);
    }
}
