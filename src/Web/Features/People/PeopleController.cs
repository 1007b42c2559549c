using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Training.Courses;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.People;

/// <summary>Onboarding people from a CSV file, and the invitations they have not accepted yet.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class PeopleController(
    PeopleImport import, InvitationService invitations, InvitationListQuery waiting, ImportProblemText problemText,
    CurrentActor currentActor, ICoursesDbContext db, OutboxSignal outbox, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    [HttpGet("/people/import")]
    public IActionResult Import() => View(PeopleImportViewModel.Empty);

    // The request may be somewhat larger than the file limit, so an oversized file gets a clear message
    // rather than a bare 413.
    [HttpPost("/people/import")]
    [RequestSizeLimit(2 * MaxFileBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxFileBytes)]
    public async Task<IActionResult> Import(IFormFile? file, bool dryRun, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return View(new PeopleImportViewModel(dryRun, localizer["Choose a CSV file to import."], null, []));
        }
        if (file.Length > MaxFileBytes)
        {
            return View(new PeopleImportViewModel(dryRun, localizer["The file is larger than 5 MB: split it into smaller files."], null, []));
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var result = await import.ImportAsync(actor, Path.GetFileName(file.FileName), reader, dryRun, cancellationToken);
        if (result is { Succeeded: true, DryRun: false, Created: > 0 })
        {
            outbox.Wake();
        }
        return View(new PeopleImportViewModel(dryRun, null, result,
            [.. result.Problems.Select(p => new ImportProblemRow(p.Line, p.Column, problemText.Describe(p)))]));
    }

    [HttpGet("/people/import/template.csv")]
    public IActionResult Template() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PeopleCsv.Template)).ToArray(), "text/csv; charset=utf-8", "people-template.csv");

    [HttpGet("/people/invitations")]
    public async Task<IActionResult> Invitations(CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        return View(new WaitingInvitationsViewModel(await waiting.ListAsync(actor, cancellationToken), clock.GetUtcNow().UtcDateTime));
    }

    [HttpPost("/people/{id}/invitation")]
    public async Task<IActionResult> Resend(string id, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var person = await db.PeopleIn(actor).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (await invitations.ResendAsync(person, actor, cancellationToken))
        {
            outbox.Wake();
            TempData["Status"] = localizer["A new invitation is on its way to {0}. Earlier links no longer work.", person.Email ?? ""].Value;
        }
        else
        {
            TempData["Status"] = localizer["{0} has already chosen a password.", person.Email ?? ""].Value;
        }
        return RedirectToAction(nameof(Invitations));
    }
}
