using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Reminders;

/// <summary>Which optional reminders a person receives, as the shared checkboxes show them.</summary>
public sealed record ReminderChoices(bool CertificateExpiry, bool Inactivity, bool UnfinishedAttempt);

public sealed record PreferencesViewModel(string Token, string Name, bool CertificateExpiry, bool Inactivity, bool UnfinishedAttempt, string? Saved);

/// <summary>
/// The link in every reminder: no log-in needed. The token is the person's id protected by the site's
/// data-protection keys, so it opens their settings only and cannot be made to open anyone else's.
/// </summary>
[AllowAnonymous]
public sealed class PreferencesController(TrainingDbContext db, IDataProtectionProvider protection, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/reminders/preferences")]
    public async Task<IActionResult> Edit(string? token, CancellationToken cancellationToken)
    {
        var user = await FindAsync(token, cancellationToken);
        return user is null ? NotFound() : View("/Features/Reminders/Preferences.cshtml", new PreferencesViewModel(token!, user.FullName, user.RemindCertificateExpiry, user.RemindInactivity, user.RemindUnfinishedAttempt, null));
    }

    [HttpPost("/reminders/preferences")]
    public async Task<IActionResult> Edit(string? token, bool certificateExpiry, bool inactivity, bool unfinishedAttempt, CancellationToken cancellationToken)
    {
        var user = await FindAsync(token, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }
        user.RemindCertificateExpiry = certificateExpiry;
        user.RemindInactivity = inactivity;
        user.RemindUnfinishedAttempt = unfinishedAttempt;
        await db.SaveChangesAsync(cancellationToken);
        return View("/Features/Reminders/Preferences.cshtml", new PreferencesViewModel(token!, user.FullName, certificateExpiry, inactivity, unfinishedAttempt, localizer["Your choices are saved."]));
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
            return await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        }
        catch (CryptographicException)
        {
            return null; // altered or foreign token
        }
    }
}
