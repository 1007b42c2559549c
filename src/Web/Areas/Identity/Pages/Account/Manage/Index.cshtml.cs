using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI profile page (a phone number the site never uses): the name printed on
/// certificates, and the e-mail address, which changes on its own page.
/// </summary>
public sealed class IndexModel(UserManager<TrainingUser> userManager, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Email { get; private set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [StringLength(200, ErrorMessage = "Your name can be at most {1} characters long.")]
        [Display(Name = "Full name, as it should appear on your certificates")]
        public string FullName { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        Email = user.Email ?? "";
        Input.FullName = user.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        Email = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }
        user.FullName = Input.FullName.Trim();
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return Page();
        }
        StatusMessage = localizer["Your profile has been saved."];
        return RedirectToPage();
    }
}
