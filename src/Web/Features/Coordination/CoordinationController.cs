using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Coordination;

/// <summary>A coordinator's people: only those in the units they coordinate (admins: everyone).</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class CoordinationController(DashboardQuery dashboard, PeopleQuery people, PersonMoves moves, CurrentActor currentActor, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/coordinate")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.GetAsync(await currentActor.GetAsync(cancellationToken), cancellationToken));

    /// <summary>The people behind every figure of the dashboard: filtered, sorted and paged.</summary>
    [HttpGet("/coordinate/people")]
    public async Task<IActionResult> People([FromQuery] PeopleFilter filter, CancellationToken cancellationToken) =>
        View(await people.ListAsync(await currentActor.GetAsync(cancellationToken), filter, cancellationToken));

    [HttpGet("/coordinate/people/{id}")]
    public async Task<IActionResult> Person(string id, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(await currentActor.GetAsync(cancellationToken), id, cancellationToken);
        return person is null ? NotFound() : View(person);
    }

    [HttpPost("/coordinate/people/{id}/move")]
    public async Task<IActionResult> Move(string id, int unitId, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        switch (await moves.MoveAsync(actor, id, unitId, cancellationToken))
        {
            case MoveOutcome.NotFound:
                return NotFound();
            case MoveOutcome.UnitNotAllowed:
                var person = await people.FindAsync(actor, id, cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View(nameof(Person), person! with { Error = localizer["Choose one of your units that is not archived."] });
            case MoveOutcome.Moved:
                TempData["Status"] = localizer["The person is moved. Their earlier unit stays in the history."].Value;
                break;
        }
        return RedirectToAction(nameof(Person), new { id });
    }
}
