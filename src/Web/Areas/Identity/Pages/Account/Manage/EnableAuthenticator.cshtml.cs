using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Assessment.Certificates;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI page, which leaves the QR code to a script from the internet: this one draws it on
/// the server (<see cref="Features.Accounts.QrCodeSvg"/>) beside the key, and its text is localised.
/// </summary>
public sealed class EnableAuthenticatorModel(
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    Training.Web.Features.Accounts.StaffTwoFactor staffTwoFactor,
    IOptions<CertificateOptions> certificates,
    UrlEncoder urlEncoder,
    IStringLocalizer<SharedResource> localizer,
    ILogger<EnableAuthenticatorModel> logger) : PageModel
{
    /// <summary>The key as the person types it: groups of four, lower case.</summary>
    public string SharedKey { get; private set; } = "";

    /// <summary>This person's role requires two-factor authentication and it is not on yet: the site waits for it.</summary>
    public bool RequiredForRole { get; private set; }

    /// <summary>The otpauth:// address the QR code holds.</summary>
    public string AuthenticatorUri { get; private set; } = "";

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code your authenticator app shows.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
        [DataType(DataType.Text)]
        [Display(Name = "Verification code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        RequiredForRole = staffTwoFactor.IsRequiredFor(User) && !await userManager.GetTwoFactorEnabledAsync(user);
        await LoadSharedKeyAndQrCodeUriAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadSharedKeyAndQrCodeUriAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", localizer["The code is not valid. Check that your phone's clock is right and enter the newest code."]);
            await LoadSharedKeyAndQrCodeUriAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        // The change renews the security stamp; this session made it and stays signed in.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} has enabled two-factor authentication with an authenticator app.", user.Id);
        StatusMessage = localizer["Your authenticator app has been verified."];
        if (await userManager.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []).ToArray();
            return RedirectToPage("./ShowRecoveryCodes");
        }
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadSharedKeyAndQrCodeUriAsync(TrainingUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = FormatKey(key);
        AuthenticatorUri = AuthenticatorUriFor(certificates.Value.IssuerName, await userManager.GetEmailAsync(user) ?? "", key, urlEncoder);
    }

    /// <summary>The Key Uri Format authenticator apps read (github.com/google/google-authenticator/wiki/Key-Uri-Format).</summary>
    internal static string AuthenticatorUriFor(string issuer, string account, string key, UrlEncoder encoder) =>
        $"otpauth://totp/{encoder.Encode(issuer)}:{encoder.Encode(account)}?secret={key}&issuer={encoder.Encode(issuer)}&digits=6";

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
