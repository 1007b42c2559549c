using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces the Identity UI page: download or delete what the account holds.</summary>
public sealed class PersonalDataModel(UserManager<TrainingUser> userManager) : PageModel
{
    public async Task<IActionResult> OnGetAsync() =>
        await userManager.GetUserAsync(User) is null ? NotFound() : Page();
}
