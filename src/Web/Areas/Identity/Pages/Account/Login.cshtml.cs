using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Microsoft.Extensions.Options;
using Training.Web.Features.Accounts;
using Training.Web.Features.SingleSignOn;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI log-in page so that failed attempts count towards lockout
/// (the packaged page passes lockoutOnFailure: false) and its text is localised.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<TrainingUser> signInManager,
    SignInAudit signInAudit,
    IStringLocalizer<SharedResource> localizer,
    AttemptLimiter attempts,
    IOptions<SingleSignOnOptions> singleSignOn,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    [TempData]
    public string? ErrorMessage { get; set; }

    /// <summary>The provider's name for the "Sign in with" button; null while single sign-on is off.</summary>
    public string? SingleSignOnName { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address, such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me logged in on this computer (not on a shared computer)")]
        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage))
        {
            ModelState.AddModelError(string.Empty, ErrorMessage);
        }
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        OfferSingleSignOn();
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        OfferSingleSignOn();
        if (attempts.Refuse("log-in", HttpContext, Input.Email) is { } wait)
        {
            AttemptLimiter.MarkRefused(Response, wait);
            ModelState.AddModelError(string.Empty, localizer["Too many attempts. For your safety, wait {0} minutes and try again.", AttemptLimiter.Minutes(wait)]);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        // Not the request's token: a client that hangs up after posting a guess must still leave its entry.
        await signInAudit.RecordAsync(Input.Email, result, HttpContext.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("An account was locked out after repeated failed log-ins.");
            return RedirectToPage("./Lockout");
        }
        ModelState.AddModelError(string.Empty, localizer["The e-mail address or password is wrong, or the address is not confirmed yet."]);
        return Page();
    }

    private void OfferSingleSignOn()
    {
        if (singleSignOn.Value.AuthorityOrigin is not { } provider)
        {
            return;
        }
        SingleSignOnName = singleSignOn.Value.DisplayName;
        // The button's form is answered with a redirect to the provider, which form-action must allow.
        Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.PolicyAllowingFormsTo(provider);
    }
}
