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
/// Replaces the Identity UI page: the second step of a log-in with a recovery code instead of the app,
/// audited like the first. Without a password step in progress the person goes back to log in.
/// </summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<TrainingUser> signInManager,
    SignInAudit signInAudit,
    IStringLocalizer<SharedResource> localizer,
    AttemptLimiter attempts,
    ILogger<LoginWithRecoveryCodeModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(40, ErrorMessage = "Enter one of your recovery codes.")]
        [Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        return await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? BackToLogin() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        if (attempts.Refuse("two-factor", HttpContext, (await signInManager.GetTwoFactorAuthenticationUserAsync())?.Id) is { } wait)
        {
            AttemptLimiter.MarkRefused(Response, wait);
            ModelState.AddModelError(string.Empty, localizer["Too many attempts. For your safety, wait {0} minutes and try again.", AttemptLimiter.Minutes(wait)]);
            return Page();
        }
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return BackToLogin();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal);
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        // Not the request's token: a client that hangs up after posting a guess must still leave its entry.
        await signInAudit.RecordSecondStepAsync(user, result, "recovery code", HttpContext.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("An account was locked out after repeated wrong recovery codes.");
            return RedirectToPage("./Lockout");
        }
        ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.RecoveryCode)}", localizer["That recovery code is wrong or has been used already."]);
        return Page();
    }

    private RedirectToPageResult BackToLogin()
    {
        TempData[nameof(LoginModel.ErrorMessage)] = localizer["Your log-in was not finished in time. Log in again."].Value;
        return RedirectToPage("./Login", new { returnUrl = ReturnUrl });
    }
}
