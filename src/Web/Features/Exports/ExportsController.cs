using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Assessment.Certificates;
using Training.Courses.Assignments;
using Training.Web.Features.Accounts;
using Training.Web.Features.Coordination;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Exports;

/// <summary>
/// The coordinators' lists as CSV or Excel files: the same query, scope and filters as each page, every
/// row (not one page), audited before the first byte is sent. Outside the actor's scope is a 404, as on the page.
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class ExportsController(
    PeopleQuery people, AssignmentService assignments, CertificateRegister certificates, ExportTables tables, ExportAudit audit, CurrentActor currentActor) : Controller
{
    [HttpGet("/coordinate/people/export.csv")]
    public Task<IActionResult> PeopleCsv([FromQuery] PeopleFilter filter, CancellationToken cancellationToken) => PeopleAsync(filter, ExportFormat.Csv, cancellationToken);

    [HttpGet("/coordinate/people/export.xlsx")]
    public Task<IActionResult> PeopleXlsx([FromQuery] PeopleFilter filter, CancellationToken cancellationToken) => PeopleAsync(filter, ExportFormat.Xlsx, cancellationToken);

    [HttpGet("/coordinate/people/{id}/transcript.csv")]
    public Task<IActionResult> TranscriptCsv(string id, CancellationToken cancellationToken) => TranscriptAsync(id, ExportFormat.Csv, cancellationToken);

    [HttpGet("/coordinate/people/{id}/transcript.xlsx")]
    public Task<IActionResult> TranscriptXlsx(string id, CancellationToken cancellationToken) => TranscriptAsync(id, ExportFormat.Xlsx, cancellationToken);

    [HttpGet("/coordinate/assignments/{id:int}/export.csv")]
    public Task<IActionResult> AssignmentCsv(int id, CancellationToken cancellationToken) => AssignmentAsync(id, ExportFormat.Csv, cancellationToken);

    [HttpGet("/coordinate/assignments/{id:int}/export.xlsx")]
    public Task<IActionResult> AssignmentXlsx(int id, CancellationToken cancellationToken) => AssignmentAsync(id, ExportFormat.Xlsx, cancellationToken);

    [HttpGet("/certificates/export.csv")]
    public Task<IActionResult> CertificatesCsv(string? q, bool olderVersions, CancellationToken cancellationToken) => CertificatesAsync(q, olderVersions, ExportFormat.Csv, cancellationToken);

    [HttpGet("/certificates/export.xlsx")]
    public Task<IActionResult> CertificatesXlsx(string? q, bool olderVersions, CancellationToken cancellationToken) => CertificatesAsync(q, olderVersions, ExportFormat.Xlsx, cancellationToken);

    private async Task<IActionResult> PeopleAsync(PeopleFilter filter, ExportFormat format, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        await audit.RecordAsync(actor, "people", null, format, Describe(filter.Values().Where(v => v.Key != "page")), cancellationToken);
        return new ExportResult(tables.People(filter, people.StreamAsync(actor, filter, HttpContext.RequestAborted)), format);
    }

    private async Task<IActionResult> TranscriptAsync(string id, ExportFormat format, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var person = await people.TranscriptAsync(actor, id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        await audit.RecordAsync(actor, "transcript", id, format, person.Person.Email, cancellationToken);
        return new ExportResult(tables.Transcript(person), format);
    }

    private async Task<IActionResult> AssignmentAsync(int id, ExportFormat format, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var detail = await assignments.FindAsync(actor, id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }
        await audit.RecordAsync(actor, "assignment", id.ToString(System.Globalization.CultureInfo.InvariantCulture), format,
            $"{detail.Assignment.CourseTitle} → {detail.Assignment.Target}", cancellationToken);
        return new ExportResult(tables.Assignment(detail), format);
    }

    private async Task<IActionResult> CertificatesAsync(string? q, bool olderVersions, ExportFormat format, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        await audit.RecordAsync(actor, "certificates", null, format,
            Describe([new("q", q), new("olderVersions", olderVersions ? "true" : null)]), cancellationToken);
        return new ExportResult(tables.Certificates(certificates.StreamAsync(actor, q, olderVersions)), format);
    }

    private static string Describe(IEnumerable<KeyValuePair<string, string?>> filters) =>
        string.Join(", ", filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Key}={f.Value}"));
}
