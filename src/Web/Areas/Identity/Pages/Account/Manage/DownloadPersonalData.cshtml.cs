using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.People;
using Training.Web.Features.Privacy;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI download: everything the site holds about the signed-in person as one JSON file
/// (<see cref="PersonalDataExport"/>), audited. Only ever the person's own data: the id comes from the session.
/// </summary>
public sealed class DownloadPersonalDataModel(UserManager<TrainingUser> userManager, PersonalDataExport export) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        var actor = Actor.Scoped(user.Id, user.Email ?? user.Id, HttpContext.Connection.RemoteIpAddress?.ToString(), isCoordinator: false, []);
        var file = await export.DownloadAsync(actor, user.Id, cancellationToken);
        return file is null ? NotFound() : File(file, "application/json", "PersonalData.json");
    }
}
