using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Users;

[Authorize(Roles = Roles.Admin)]
[Route("/admin/users")]
public sealed class UsersController(UserRoleService userRoles, CurrentActor currentActor, IStringLocalizer<SharedResource> localizer) : Controller
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
}
