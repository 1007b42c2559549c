using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Courses.Organisations;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Organisations;

/// <summary>Admins manage organisations, their units and who coordinates each unit.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("/admin/units")]
public sealed class OrganisationsController(UnitService units, CurrentActor currentActor, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool archived, CancellationToken cancellationToken) =>
        View(new UnitListViewModel(await units.ListAsync(await currentActor.GetAsync(cancellationToken), archived, cancellationToken), archived, null, null));

    /// <summary>Creates an organisation, or a unit under <paramref name="parentId"/>.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Create(int? parentId, string? name, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var (outcome, id) = await units.CreateAsync(actor, parentId, name, cancellationToken);
        if (outcome == UnitOutcome.Done)
        {
            TempData["Status"] = localizer["{0} is created.", name!.Trim()].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }
        if (outcome == UnitOutcome.NotFound)
        {
            return NotFound();
        }
        if (parentId is int parent)
        {
            return await EditPageAsync(parent, Message(outcome), new UnitForms(NewUnitName: name), cancellationToken);
        }
        return View(nameof(Index), new UnitListViewModel(await units.ListAsync(actor, false, cancellationToken), false, Message(outcome), name));
    }

    [HttpGet("{id:int}")]
    public Task<IActionResult> Edit(int id, CancellationToken cancellationToken) => EditPageAsync(id, null, new UnitForms(), cancellationToken);

    [HttpPost("{id:int}/rename")]
    public async Task<IActionResult> Rename(int id, string? name, CancellationToken cancellationToken) =>
        await AfterAsync(id, await units.RenameAsync(await currentActor.GetAsync(cancellationToken), id, name, cancellationToken),
            localizer["The unit is renamed."], new UnitForms(Name: name), cancellationToken);

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, int? parentId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await units.MoveAsync(await currentActor.GetAsync(cancellationToken), id, parentId, cancellationToken),
            localizer["The unit is moved."], new UnitForms(), cancellationToken);

    [HttpPost("{id:int}/archive")]
    public async Task<IActionResult> Archive(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await units.ArchiveAsync(await currentActor.GetAsync(cancellationToken), id, archive: true, cancellationToken),
            localizer["The unit and the units below it are archived. Their people and history stay."], new UnitForms(), cancellationToken);

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await units.ArchiveAsync(await currentActor.GetAsync(cancellationToken), id, archive: false, cancellationToken),
            localizer["The unit is in use again."], new UnitForms(), cancellationToken);

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var outcome = await units.DeleteAsync(await currentActor.GetAsync(cancellationToken), id, cancellationToken);
        if (outcome != UnitOutcome.Done)
        {
            return await AfterAsync(id, outcome, "", new UnitForms(), cancellationToken);
        }
        TempData["Status"] = localizer["The unit is deleted."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/coordinators")]
    public async Task<IActionResult> AddCoordinator(int id, string? email, CancellationToken cancellationToken) =>
        await AfterAsync(id, await units.AddCoordinatorAsync(await currentActor.GetAsync(cancellationToken), id, email, cancellationToken),
            localizer["{0} now coordinates this unit and the units below it.", email?.Trim() ?? ""], new UnitForms(CoordinatorEmail: email), cancellationToken);

    [HttpPost("{id:int}/coordinators/{userId}/remove")]
    public async Task<IActionResult> RemoveCoordinator(int id, string userId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await units.RemoveCoordinatorAsync(await currentActor.GetAsync(cancellationToken), id, userId, cancellationToken),
            localizer["The coordinator is removed from this unit."], new UnitForms(), cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, UnitOutcome outcome, string done, UnitForms forms, CancellationToken cancellationToken)
    {
        if (outcome == UnitOutcome.NotFound)
        {
            return NotFound();
        }
        if (outcome == UnitOutcome.Done)
        {
            TempData["Status"] = done;
            return RedirectToAction(nameof(Edit), new { id });
        }
        return await EditPageAsync(id, Message(outcome), forms, cancellationToken);
    }

    private async Task<IActionResult> EditPageAsync(int id, string? error, UnitForms forms, CancellationToken cancellationToken)
    {
        var detail = await units.FindAsync(await currentActor.GetAsync(cancellationToken), id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(nameof(Edit), new UnitEditViewModel(detail, error, forms));
    }

    private string Message(UnitOutcome outcome) => outcome switch
    {
        UnitOutcome.NameMissing => localizer["Enter a name."],
        UnitOutcome.NameTooLong => localizer["Use a name of at most 100 characters."],
        UnitOutcome.NameHasSlash => localizer["A name cannot contain \"/\": it separates the names in a unit's path."],
        UnitOutcome.NameTaken => localizer["Another unit at the same place already has this name."],
        UnitOutcome.ParentArchived => localizer["The unit above is archived: restore it first."],
        UnitOutcome.MoveIntoItself => localizer["A unit cannot move into itself or a unit below it."],
        UnitOutcome.HasPeopleOrHistory => localizer["This unit has people, units below it or history: archive it instead."],
        UnitOutcome.PersonNotFound => localizer["No account has this e-mail address."],
        UnitOutcome.AlreadyCoordinator => localizer["This person already coordinates this unit."],
        _ => localizer["Something went wrong."],
    };
}
