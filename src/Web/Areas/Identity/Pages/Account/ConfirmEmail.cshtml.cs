using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the Identity UI page so its text is localised and a bad link says what to do.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<TrainingUser> userManager) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)
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
        Confirmed = (await userManager.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
