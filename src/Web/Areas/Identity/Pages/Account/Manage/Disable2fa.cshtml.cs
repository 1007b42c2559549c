using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI page, which throws when two-factor authentication is already off; here that
/// sends the person back to the two-factor page with a sentence saying so.
/// </summary>
public sealed class Disable2faModel(
    UserManager<TrainingUser> userManager,
    Training.Web.Features.Accounts.StaffTwoFactor staffTwoFactor,
    IStringLocalizer<SharedResource> localizer,
    ILogger<Disable2faModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        if (staffTwoFactor.IsRequiredFor(User))
        {
            return Required();
        }
        return await userManager.GetTwoFactorEnabledAsync(user) ? Page() : AlreadyOff();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        if (staffTwoFactor.IsRequiredFor(User))
        {
            return Required();
        }
        if (!await userManager.GetTwoFactorEnabledAsync(user))
        {
            return AlreadyOff();
        }
        var result = await userManager.SetTwoFactorEnabledAsync(user, false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Two-factor authentication could not be turned off.");
        }
        logger.LogInformation("A person turned off two-factor authentication.");
        StatusMessage = localizer["Two-factor authentication is off. Your authenticator app is still set up: you can turn it on again."];
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private RedirectToPageResult Required()
    {
        StatusMessage = localizer["Your role requires two-factor authentication: it cannot be turned off. To change phones, reset the authenticator key."];
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private RedirectToPageResult AlreadyOff()
    {
        StatusMessage = localizer["Two-factor authentication is not turned on, so there is nothing to turn off."];
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
