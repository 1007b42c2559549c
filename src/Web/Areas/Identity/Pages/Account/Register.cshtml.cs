using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI registration page: asks for the name to print on certificates, makes every
/// new account a Learner, and queues the confirmation mail with the account.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<TrainingUser> userManager,
    AccountMail accountMail,
    TimeProvider clock,
    TrainingDbContext db,
    OutboxSignal signal,
    AttemptLimiter attempts,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [StringLength(200, ErrorMessage = "Your name can be at most {1} characters long.")]
        [Display(Name = "Full name, as it should appear on your certificates")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address, such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = 8, ErrorMessage = "Your password must be between {2} and {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Repeat the password")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = LoginReturn.Safe(Url, returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        if (attempts.Refuse("registration", HttpContext, Input.Email) is { } wait)
        {
            AttemptLimiter.MarkRefused(Response, wait);
            ModelState.AddModelError(string.Empty, localizer["Too many attempts. For your safety, wait {0} minutes and try again.", AttemptLimiter.Minutes(wait)]);
            return Page();
        }
        ReturnUrl = LoginReturn.Safe(Url, returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new TrainingUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            FullName = Input.FullName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The account, its role and its confirmation mail (queued in the outbox) commit together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.CreateAsync(user, Input.Password);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, Roles.Learner);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return Page();
        }

        await accountMail.QueueConfirmationAsync(user, ReturnUrl);
        await transaction.CommitAsync();
        signal.Wake();
        return RedirectToPage("RegisterConfirmation", new { email = Input.Email, returnUrl = ReturnUrl });
    }
}
