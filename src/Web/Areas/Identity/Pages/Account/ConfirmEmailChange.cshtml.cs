using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI page, which answered 500 to a link with missing or unreadable parts. The address
/// is also the user name here, so both change together, in one transaction, or neither does.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    TrainingDbContext db) : PageModel
{
    public string? NewEmail { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code)
            || await userManager.FindByIdAsync(userId) is not { } user)
        {
            return;
        }
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.ChangeEmailAsync(user, email, token);
        if (result.Succeeded)
        {
            result = await userManager.SetUserNameAsync(user, email);
        }
        if (!result.Succeeded)
        {
            // A used or out-of-date code, or an address another account took meanwhile.
            return;
        }
        await transaction.CommitAsync();
        // Keeps this browser logged in if it is the person's; the new security stamp ends their other sessions.
        await signInManager.RefreshSignInAsync(user);
        NewEmail = email;
    }
}
