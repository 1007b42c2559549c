using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI page. Every account here has a password (invitations set one before the first
/// log-in and there are no external log-ins), so there is no "set a password" page to send anyone to.
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = 8, ErrorMessage = "Your password must be between {2} and {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Repeat the new password")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
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
        var result = await userManager.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                // Identity's own message for a wrong current password is English only.
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.OldPassword)}", localizer["The current password is wrong."]);
                }
                else
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.NewPassword)}", error.Description);
                }
            }
            return Page();
        }
        // The new security stamp signs out every other session; this one stays.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("A person changed their password.");
        StatusMessage = localizer["Your password has been changed."];
        return RedirectToPage();
    }
}
