using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI page, which throws when two-factor authentication is off; here that sends the
/// person back to the two-factor page with a sentence saying so.
/// </summary>
public sealed class GenerateRecoveryCodesModel(
    UserManager<TrainingUser> userManager,
    IStringLocalizer<SharedResource> localizer,
    ILogger<GenerateRecoveryCodesModel> logger) : PageModel
{
    public const int CodeCount = 10;

    /// <summary>Read by ShowRecoveryCodes (the same key as the Identity UI's EnableAuthenticator page uses).</summary>
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        return await userManager.GetTwoFactorEnabledAsync(user) ? Page() : NotOn();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        if (!await userManager.GetTwoFactorEnabledAsync(user))
        {
            return NotOn();
        }
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, CodeCount)
            ?? throw new InvalidOperationException("No recovery codes were made.");
        RecoveryCodes = [.. codes];
        logger.LogInformation("A person made new recovery codes.");
        StatusMessage = localizer["You have new recovery codes. The old ones no longer work."];
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private RedirectToPageResult NotOn()
    {
        StatusMessage = localizer["Recovery codes are for two-factor authentication, which is not turned on. Add an authenticator app first."];
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
