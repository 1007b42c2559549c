using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Web.Features.Accounts;
using Training.Web.Features.Privacy;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Users;

[Authorize(Roles = Roles.Admin)]
[Route("/admin/users")]
public sealed class UsersController(
    UserRoleService userRoles,
    AccountAnonymiser anonymiser,
    PersonalDataExport personalData,
    CurrentActor currentActor,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken) =>
        View(new UserListViewModel(q, await userRoles.SearchAsync(q, cancellationToken)));

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await userRoles.FindAsync(id, cancellationToken);
        return user is null ? NotFound() : View(new EditUserRolesViewModel(user, null));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, string[] roles, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var outcome = await userRoles.SetRolesAsync(actor, id, roles, cancellationToken);
        switch (outcome)
        {
            case RoleChangeOutcome.NotFound:
                return NotFound();
            case RoleChangeOutcome.WouldRemoveLastAdmin:
                var user = await userRoles.FindAsync(id, cancellationToken);
                return View(new EditUserRolesViewModel(user!, localizer["The site must keep at least one administrator. Give another account the Admin role first."]));
            default:
                TempData["Status"] = localizer["Roles saved."].Value;
                return RedirectToAction(nameof(Edit), new { id });
        }
    }

    /// <summary>Everything held about the person, as they would download it themselves; audited.</summary>
    [HttpPost("{id}/personal-data")]
    public async Task<IActionResult> PersonalData(string id, CancellationToken cancellationToken)
    {
        var file = await personalData.DownloadAsync(await currentActor.GetAsync(cancellationToken), id, cancellationToken);
        return file is null ? NotFound() : File(file, "application/json", $"PersonalData-{id}.json");
    }

    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        var user = await userRoles.FindAsync(id, cancellationToken);
        return user is null ? NotFound() : View(new DeleteUserViewModel(user, null));
    }

    /// <summary>Anonymises the account (<see cref="AccountAnonymiser"/>) once the admin has ticked the confirmation.</summary>
    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, bool confirm, CancellationToken cancellationToken)
    {
        var user = await userRoles.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        if (!confirm)
        {
            return View(new DeleteUserViewModel(user, localizer["Tick the box to confirm that this account is to be deleted."]));
        }
        var actor = await currentActor.GetAsync(cancellationToken);
        switch (await anonymiser.AnonymiseAsync(actor, id, "by an admin", cancellationToken))
        {
            case AnonymisationOutcome.NotFound:
                return NotFound();
            case AnonymisationOutcome.LastAdmin:
                return View(new DeleteUserViewModel(user, localizer["The site must keep at least one administrator. Give another account the Admin role first."]));
            default:
                TempData["Status"] = localizer["The account was deleted: its personal data is removed and its certificates are withdrawn."].Value;
                return Redirect("~/admin/users");
        }
    }
}
