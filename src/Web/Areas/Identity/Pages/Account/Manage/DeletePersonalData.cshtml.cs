using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI page, which answered 500 to a post without a password. The password is checked
/// like a log-in (wrong ones count towards lockout), and each outcome is audited (<see cref="AccountDeletion"/>).
/// </summary>
public sealed class DeletePersonalDataModel(
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    AccountDeletion accountDeletion,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await userManager.GetUserAsync(User) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Not the request's token: a client that hangs up after posting a guess must still leave its entry.
        var outcome = await accountDeletion.DeleteAsync(user, Input.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
        switch (outcome)
        {
            case AccountDeletionOutcome.Deleted:
                await signInManager.SignOutAsync();
                return Redirect("~/");
            case AccountDeletionOutcome.WrongPassword:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Password)}", localizer["The password is wrong."]);
                return Page();
            case AccountDeletionOutcome.LockedOut:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Password)}", localizer["Too many wrong passwords: your account is locked for a while. Try again later."]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, localizer["You are the only admin. Make someone else admin before you delete your account."]);
                return Page();
        }
    }
}
