using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Audit;

/// <summary>Admins read the audit log. Nothing here (or anywhere in the site) changes an entry.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("/admin/audit")]
public sealed class AuditController(
    AuditQuery auditQuery, Exports.ExportTables tables, Exports.ExportAudit exportAudit, Infrastructure.Site.CurrentActor currentActor,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    // A GET form, so a filtered view can be bookmarked or sent to a colleague. The action filter is called
    // "activity" because MVC keeps "action" for its own route value.
    [HttpGet("")]
    public async Task<IActionResult> Index(string? person, string? activity, DateOnly? from, DateOnly? to, int page, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(person?.Trim(), activity, from, to);
        var results = await auditQuery.SearchAsync(filter, page, cancellationToken);
        var datesInvalid = ModelState.GetFieldValidationState(nameof(from)) == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState(nameof(to)) == ModelValidationState.Invalid;
        return View(new AuditLogViewModel(filter, results, AuditActionNames.In(localizer), datesInvalid));
    }

    /// <summary>The filtered log as a file, every entry (not one page). Downloading it is itself audited.</summary>
    [HttpGet("export.csv")]
    public Task<IActionResult> ExportCsv(string? person, string? activity, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        ExportAsync(new AuditFilter(person?.Trim(), activity, from, to), Exports.ExportFormat.Csv, cancellationToken);

    [HttpGet("export.xlsx")]
    public Task<IActionResult> ExportXlsx(string? person, string? activity, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        ExportAsync(new AuditFilter(person?.Trim(), activity, from, to), Exports.ExportFormat.Xlsx, cancellationToken);

    private async Task<IActionResult> ExportAsync(AuditFilter filter, Exports.ExportFormat format, CancellationToken cancellationToken)
    {
        var described = string.Join(", ", new[] { ("person", filter.Person), ("activity", filter.Action), ("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => $"{f.Item1}={f.Item2}"));
        // Recorded before the first row is read: the export includes its own entry.
        await exportAudit.RecordAsync(await currentActor.GetAsync(cancellationToken), "audit-log", null, format, described, cancellationToken);
        return new Exports.ExportResult(tables.AuditLog(auditQuery.StreamAsync(filter)), format);
    }
}
