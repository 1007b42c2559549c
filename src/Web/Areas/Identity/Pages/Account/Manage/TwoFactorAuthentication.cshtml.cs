using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Replaces the Identity UI page: where two-factor authentication stands, and what can be done next.</summary>
public sealed class TwoFactorAuthenticationModel(
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public bool HasAuthenticator { get; private set; }

    public bool IsEnabled { get; private set; }

    public bool IsMachineRemembered { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        HasAuthenticator = await userManager.GetAuthenticatorKeyAsync(user) is not null;
        IsEnabled = await userManager.GetTwoFactorEnabledAsync(user);
        IsMachineRemembered = await signInManager.IsTwoFactorClientRememberedAsync(user);
        RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user);
        return Page();
    }

    /// <summary>Forget this browser: the next log-in here asks for a code again.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is null)
        {
            return NotFound();
        }
        await signInManager.ForgetTwoFactorClientAsync();
        StatusMessage = localizer["This browser is forgotten: the next log-in here asks for a code from your app."];
        return RedirectToPage();
    }
}
