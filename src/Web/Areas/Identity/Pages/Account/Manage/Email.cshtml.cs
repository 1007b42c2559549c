using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Features.Accounts;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI page: the confirmation link goes to the new address from its template, in the
/// person's language. The address changes only when the link is opened (ConfirmEmailChange), and the answer
/// is the same whether or not another account already uses the new address.
/// </summary>
public sealed class EmailModel(UserManager<TrainingUser> userManager, AccountMail accountMail, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Email { get; private set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your new e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address, such as name@example.org.")]
        [StringLength(256, ErrorMessage = "An e-mail address can be at most {1} characters long.")]
        [Display(Name = "New e-mail address")]
        public string NewEmail { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        Email = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        Email = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, Email, StringComparison.OrdinalIgnoreCase))
        {
            StatusMessage = localizer["That is already your e-mail address: nothing has changed."];
            return RedirectToPage();
        }
        await accountMail.QueueEmailChangeAsync(user, newEmail);
        StatusMessage = localizer["We have sent a link to {0}. Open it to confirm the change; until then, log in with your current address.", newEmail];
        return RedirectToPage();
    }
}
