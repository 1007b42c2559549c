using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces the Identity UI page: a new authenticator key, with two-factor authentication off until the app is set up again.</summary>
public sealed class ResetAuthenticatorModel(
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ResetAuthenticatorModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await userManager.GetUserAsync(User) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        // The new security stamp signs out every other session; this one stays.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("A person reset their authenticator key.");
        StatusMessage = localizer["Your authenticator key is reset and two-factor authentication is off. Set up your app with the new key to turn it on again."];
        return RedirectToPage("./EnableAuthenticator");
    }
}
