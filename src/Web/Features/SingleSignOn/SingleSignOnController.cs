using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Courses.People;
using Training.Web.Areas.Identity.Pages.Account;

namespace Training.Web.Features.SingleSignOn;

/// <summary>
/// Log-in through the ministry's provider: the log-in page's button posts here, the provider sends the person back
/// to /signin-oidc (handled by the OpenID Connect handler), which redirects to the callback. Both answer 404 while
/// SingleSignOn:Enabled is off.
/// </summary>
[AllowAnonymous]
public sealed class SingleSignOnController(
    SignInManager<TrainingUser> signInManager,
    SingleSignOnSignIn singleSignOn,
    IOptions<SingleSignOnOptions> options,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpPost("/sso")]
    public IActionResult Challenge(string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }
        var callback = Url.Action(nameof(Callback), new { returnUrl = LoginReturn.Safe(Url, returnUrl) });
        var properties = signInManager.ConfigureExternalAuthenticationProperties(SingleSignOnRegistration.Scheme, callback);
        return Challenge(properties, SingleSignOnRegistration.Scheme);
    }

    [HttpGet("/sso/callback")]
    public async Task<IActionResult> Callback(string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }
        returnUrl = LoginReturn.Safe(Url, returnUrl);
        // Not the request's token for the writes: the audit entry must be saved even if the browser goes away.
        var outcome = await singleSignOn.CompleteAsync(HttpContext, CancellationToken.None);
        var provider = options.Value.DisplayName;
        switch (outcome)
        {
            case SingleSignOnOutcome.SignedIn:
                return LocalRedirect(returnUrl);
            case SingleSignOnOutcome.RequiresTwoFactor:
                return RedirectToPage("/Account/LoginWith2fa", new { area = "Identity", returnUrl, rememberMe = false });
            case SingleSignOnOutcome.LockedOut:
                return RedirectToPage("/Account/Lockout", new { area = "Identity" });
        }
        TempData["ErrorMessage"] = outcome switch
        {
            SingleSignOnOutcome.EmailNotVerified => localizer["{0} has not confirmed that your e-mail address belongs to you, so you cannot sign in with it here. Confirm your address with {0}, or log in with your password.", provider].Value,
            SingleSignOnOutcome.NoAccount => localizer["There is no account on this site with the e-mail address {0} gave. Ask your coordinator to invite you, or create an account.", provider].Value,
            SingleSignOnOutcome.LinkedToAnother => localizer["This account is already linked to another {0} identity. Log in with your password, or ask an administrator.", provider].Value,
            SingleSignOnOutcome.NotAllowed => localizer["This account cannot sign in yet. Confirm your e-mail address, or ask your coordinator."].Value,
            _ => localizer["Signing in with {0} did not finish. Try again, or log in with your password.", provider].Value,
        };
        return RedirectToPage("/Account/Login", new { area = "Identity", returnUrl });
    }
}
