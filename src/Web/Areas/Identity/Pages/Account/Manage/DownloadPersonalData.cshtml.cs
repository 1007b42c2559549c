using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.People;

namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the Identity UI download: the account's [PersonalData] properties and roles as JSON. Unlike the
/// packaged page it leaves out the authenticator key, a secret that would let the file's reader make codes.
/// </summary>
public sealed class DownloadPersonalDataModel(UserManager<TrainingUser> userManager, ILogger<DownloadPersonalDataModel> logger) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }
        logger.LogInformation("A person downloaded their personal data.");
        var data = new Dictionary<string, object?>();
        foreach (var property in typeof(TrainingUser).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute))))
        {
            data[property.Name] = property.GetValue(user);
        }
        data["Roles"] = await userManager.GetRolesAsync(user);
        data["HasAuthenticator"] = await userManager.GetAuthenticatorKeyAsync(user) is not null;
        Response.Headers.ContentDisposition = "attachment; filename=PersonalData.json";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Indented), "application/json");
    }
}
