using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Courses.People;
using Training.Web.Features.Reminders;
using Training.Web.Infrastructure.Mail;

namespace Training.Web.Features.Accounts;

public sealed record Choice(string Value, string Text);

public sealed record SettingsViewModel(
    string? TimeZoneId, string? Language, bool CertificateExpiry, bool Inactivity, bool UnfinishedAttempt,
    IReadOnlyList<Choice> TimeZones, IReadOnlyList<Choice> Languages, string DefaultTimeZone, string? Saved, string? Error);

/// <summary>
/// The signed-in person's own settings that mail depends on: the time zone reminders wait for, the
/// language mail is written in (where a translation exists) and which optional reminders they receive.
/// </summary>
[Authorize]
public sealed class SettingsController(UserManager<TrainingUser> users, MailTemplates templates, IOptions<ReminderOptions> reminders, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    private const string View_ = "/Features/Accounts/Settings.cshtml";

    [HttpGet("/account/settings")]
    public async Task<IActionResult> Edit()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(View_, Model(user, null, null));
    }

    [HttpPost("/account/settings")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(string? timeZoneId, string? language, bool certificateExpiry, bool inactivity, bool unfinishedAttempt)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // Only values offered on the page: anything else is refused, not stored.
        if ((!string.IsNullOrEmpty(timeZoneId) && !TimeZones().Any(z => z.Value == timeZoneId))
            || (!string.IsNullOrEmpty(language) && !MailLanguages().Contains(language)))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(View_, Model(user, null, localizer["Choose a time zone and a language from the lists."]));
        }
        user.TimeZoneId = string.IsNullOrEmpty(timeZoneId) ? null : timeZoneId;
        user.Language = string.IsNullOrEmpty(language) ? null : language;
        user.RemindCertificateExpiry = certificateExpiry;
        user.RemindInactivity = inactivity;
        user.RemindUnfinishedAttempt = unfinishedAttempt;
        await users.UpdateAsync(user);
        return View(View_, Model(user, localizer["Your settings are saved."], null));
    }

    private IReadOnlyList<string> MailLanguages() => templates.LanguagesOf("reminder-footer");

    /// <summary>IANA zones, by their offset now (so summer time shows as it is today).</summary>
    private List<Choice> TimeZones()
    {
        var now = clock.GetUtcNow();
        return TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId)
            .Select(z => (Zone: z, Offset: z.GetUtcOffset(now)))
            .OrderBy(z => z.Offset).ThenBy(z => z.Zone.Id, StringComparer.Ordinal)
            .Select(z => new Choice(z.Zone.Id, $"(UTC{(z.Offset < TimeSpan.Zero ? "-" : "+")}{z.Offset:hh\\:mm}) {z.Zone.Id.Replace('_', ' ')}"))
            .ToList();
    }

    private SettingsViewModel Model(TrainingUser user, string? saved, string? error)
    {
        var languages = MailLanguages()
            .Select(l => new Choice(l, CultureInfo.GetCultureInfo(l).NativeName))
            .ToList();
        return new SettingsViewModel(user.TimeZoneId, user.Language, user.RemindCertificateExpiry, user.RemindInactivity, user.RemindUnfinishedAttempt,
            TimeZones(), languages, reminders.Value.DefaultTimeZone, saved, error);
    }
}
