using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Courses.Assignments;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Assignments;

/// <summary>Coordinators (their units) and admins assign courses with due dates, exempt people and extend due dates.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
[Route("/coordinate/assignments")]
public sealed class AssignmentsController(AssignmentService assignments, AssignmentFormOptions formOptions, CurrentActor currentActor, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await assignments.ListAsync(await currentActor.GetAsync(cancellationToken), cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(await formOptions.ForAsync(await currentActor.GetAsync(cancellationToken), new AssignmentForm(), null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create(AssignmentForm form, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        DateOnly? dueOn = form.DueKind == "fixed" && DateOnly.TryParseExact(form.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null;
        int? dueDays = form.DueKind == "relative" ? form.DueDays : null;
        var emails = form.Target == "people" ? (form.Emails ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var (outcome, id) = await assignments.AssignAsync(actor, form.CourseId, form.Target == "unit" ? form.UnitId : null, emails, dueOn, dueDays, cancellationToken);
        if (outcome == AssignOutcome.Done)
        {
            TempData["Status"] = localizer["The course is assigned. The people it reaches are enrolled and see it first on their home page."].Value;
            return RedirectToAction(nameof(Show), new { id });
        }
        var message = outcome switch
        {
            AssignOutcome.NoCourse => localizer["Choose a course."],
            AssignOutcome.NoTarget => localizer["Choose a unit, or enter the e-mail addresses of the people."],
            AssignOutcome.TargetOutsideScope => localizer["Choose one of your units, and only people in your units."],
            _ => localizer["Give a due date from today on, or a number of days from 1 to 3650."],
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(New), await formOptions.ForAsync(actor, form, message, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var detail = await assignments.FindAsync(await currentActor.GetAsync(cancellationToken), id, cancellationToken);
        return detail is null ? NotFound() : View(new AssignmentPageViewModel(detail, null));
    }

    [HttpPost("{id:int}/people/{userId}/exempt")]
    public Task<IActionResult> Exempt(int id, string userId, string? reason, CancellationToken cancellationToken) =>
        AdjustAsync(id, userId, null, reason, localizer["The person is exempt from this assignment."], cancellationToken);

    [HttpPost("{id:int}/people/{userId}/extend")]
    public Task<IActionResult> Extend(int id, string userId, string? dueOn, string? reason, CancellationToken cancellationToken) =>
        AdjustAsync(id, userId, DateOnly.TryParseExact(dueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.MinValue,
            reason, localizer["The due date is extended."], cancellationToken);

    private async Task<IActionResult> AdjustAsync(int id, string userId, DateOnly? extendTo, string? reason, string done, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var outcome = await assignments.AdjustAsync(actor, id, userId, extendTo, reason, cancellationToken);
        if (outcome == AssignOutcome.NotFound)
        {
            return NotFound();
        }
        if (outcome == AssignOutcome.Done)
        {
            TempData["Status"] = done;
            return RedirectToAction(nameof(Show), new { id });
        }
        var detail = await assignments.FindAsync(actor, id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Show), new AssignmentPageViewModel(detail, outcome == AssignOutcome.NoReason
            ? localizer["Give a reason of at most 1,000 characters: it is recorded and shown in lists and exports."]
            : localizer["Choose a new due date later than the current one."]));
    }
}
