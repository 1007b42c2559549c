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
/// Replaces the Identity UI page so the new confirmation mail is the same template, language and
/// Site:BaseUrl link as at registration. The answer is the same whether or not the address has an account.
/// </summary>
[AllowAnonymous]
public sealed class ResendEmailConfirmationModel(UserManager<TrainingUser> userManager, AccountMail accountMail, IStringLocalizer<SharedResource> localizer, AttemptLimiter attempts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (attempts.Refuse("resend-confirmation", HttpContext, Input.Email) is { } wait)
        {
            AttemptLimiter.MarkRefused(Response, wait);
            ModelState.AddModelError(string.Empty, localizer["Too many attempts. For your safety, wait {0} minutes and try again.", AttemptLimiter.Minutes(wait)]);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await userManager.FindByEmailAsync(Input.Email);
        if (user is not null && !await userManager.IsEmailConfirmedAsync(user))
        {
            await accountMail.QueueConfirmationAsync(user, null);
        }
        Sent = localizer["If an unconfirmed account uses this address, a new confirmation mail is on its way."];
        return Page();
    }
}
