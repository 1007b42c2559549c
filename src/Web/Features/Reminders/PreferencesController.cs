using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Reminders;

public sealed record PreferencesViewModel(string Token, string Name, IReadOnlyList<ReminderChoice> Choices, string? Saved, string? Error);

/// <summary>
/// The link in every reminder: no log-in needed. The token is the person's id protected by the site's
/// data-protection keys, so it opens their settings only and cannot be made to open anyone else's.
/// </summary>
[AllowAnonymous]
public sealed class PreferencesController(
    TrainingDbContext db, ReminderPreferences preferences, IDataProtectionProvider protection, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string View_ = "/Features/Reminders/Preferences.cshtml";

    [HttpGet("/reminders/preferences")]
    public async Task<IActionResult> Edit(string? token, CancellationToken cancellationToken)
    {
        var user = await FindAsync(token, cancellationToken);
        return user is null ? NotFound() : View(View_, new PreferencesViewModel(token!, user.FullName, await preferences.GetAsync(user.Id, cancellationToken), null, null));
    }

    /// <param name="remind">The kinds the person still wants; an optional kind left out is switched off.</param>
    [HttpPost("/reminders/preferences")]
    public async Task<IActionResult> Edit(string? token, string[] remind, CancellationToken cancellationToken)
    {
        var user = await FindAsync(token, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        if (!preferences.Offers(remind))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(View_, new PreferencesViewModel(token!, user.FullName, await preferences.GetAsync(user.Id, cancellationToken), null, localizer["Choose reminders from the list."]));
        }
        await preferences.SaveAsync(user.Id, remind, cancellationToken);
        return View(View_, new PreferencesViewModel(token!, user.FullName, await preferences.GetAsync(user.Id, cancellationToken), localizer["Your choices are saved."], null));
    }

    private async Task<Courses.People.TrainingUser?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var userId = protection.CreateProtector(ReminderService.PreferencesPurpose).Unprotect(token);
            return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        }
        catch (CryptographicException)
        {
            return null; // altered or foreign token
        }
    }
}
