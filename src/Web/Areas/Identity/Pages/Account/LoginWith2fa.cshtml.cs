using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI page: the second step of a log-in, audited like the first. Without a password
/// step in progress (it expires after a few minutes, or was never started) the person goes back to log in.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(
    SignInManager<TrainingUser> signInManager,
    SignInAudit signInAudit,
    IStringLocalizer<SharedResource> localizer,
    AttemptLimiter attempts,
    ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RememberMe { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app.")]
        [StringLength(12, ErrorMessage = "Enter the 6 digits your authenticator app shows.")]
        [Display(Name = "Code from your authenticator app")]
        public string TwoFactorCode { get; set; } = "";

        [Display(Name = "Do not ask for a code again on this computer (not on a shared computer)")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        RememberMe = rememberMe;
        return await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? BackToLogin() : Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl = null)
    {
        if (attempts.Refuse("two-factor", HttpContext, (await signInManager.GetTwoFactorAuthenticationUserAsync())?.Id) is { } wait)
        {
            AttemptLimiter.MarkRefused(Response, wait);
            ModelState.AddModelError(string.Empty, localizer["Too many attempts. For your safety, wait {0} minutes and try again.", AttemptLimiter.Minutes(wait)]);
            return Page();
        }
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        RememberMe = rememberMe;
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return BackToLogin();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        // Not the request's token: a client that hangs up after posting a guess must still leave its entry.
        await signInAudit.RecordSecondStepAsync(user, result, "authenticator code", HttpContext.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("An account was locked out after repeated wrong two-factor codes.");
            return RedirectToPage("./Lockout");
        }
        ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.TwoFactorCode)}", localizer["That code is wrong or has expired. Enter the code your app shows now."]);
        return Page();
    }

    private RedirectToPageResult BackToLogin()
    {
        TempData[nameof(LoginModel.ErrorMessage)] = localizer["Your log-in was not finished in time. Log in again."].Value;
        return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
    }
}
