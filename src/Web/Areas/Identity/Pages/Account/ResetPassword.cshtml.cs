using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI page, which answered 500 to a link without a readable code. Such a link answers
/// 400 with a page that says what to do; a used or expired code says the same beside the form.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<TrainingUser> userManager, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The link's code is missing or unreadable: the page shows no form.</summary>
    public bool LinkBroken { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address, such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = 8, ErrorMessage = "Your password must be between {2} and {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Repeat the new password")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";

        /// <summary>The link's code, decoded, carried in a hidden field.</summary>
        public string Code { get; set; } = "";
    }

    public IActionResult OnGet(string? code = null)
    {
        try
        {
            Input.Code = string.IsNullOrEmpty(code) ? "" : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            Input.Code = "";
        }
        return string.IsNullOrEmpty(Input.Code) ? Broken() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Code))
        {
            return Broken();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // An address without an account gets the same answer as a reset, so the page reveals no accounts.
        if (await userManager.FindByEmailAsync(Input.Email) is not { } user)
        {
            return RedirectToPage("./ResetPasswordConfirmation");
        }
        var result = await userManager.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (result.Succeeded)
        {
            return RedirectToPage("./ResetPasswordConfirmation");
        }
        foreach (var error in result.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
            {
                ModelState.AddModelError(string.Empty, localizer["This link does not work any more: it was used already or is out of date. Ask for a new one."]);
            }
            else
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Password)}", error.Description);
            }
        }
        return Page();
    }

    private PageResult Broken()
    {
        LinkBroken = true;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
