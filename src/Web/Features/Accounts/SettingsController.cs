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
    string? TimeZoneId, string? Language, IReadOnlyList<ReminderChoice> Reminders,
    IReadOnlyList<Choice> TimeZones, IReadOnlyList<Choice> Languages, string DefaultTimeZone, string? Saved, string? Error);

/// <summary>
/// The signed-in person's own settings that mail depends on: the time zone reminders wait for, the
/// language mail is written in (where a translation exists) and which optional reminders they receive.
/// </summary>
[Authorize]
public sealed class SettingsController(
    UserManager<TrainingUser> users, SignInManager<TrainingUser> signIn, ReminderPreferences preferences, IOptions<ReminderOptions> reminders,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock) : Controller
{
    private const string View_ = "/Features/Accounts/Settings.cshtml";

    [HttpGet("/account/settings")]
    public async Task<IActionResult> Edit(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(View_, await ModelAsync(user, null, null, cancellationToken));
    }

    [HttpPost("/account/settings")]
    [ValidateAntiForgeryToken]
    /// <param name="remind">The optional reminders the person still wants; one left out is switched off.</param>
    public async Task<IActionResult> Edit(string? timeZoneId, string? language, string[] remind, CancellationToken cancellationToken)
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
            return View(View_, await ModelAsync(user, null, localizer["Choose a time zone and a language from the lists."], cancellationToken));
        }
        if (!preferences.Offers(remind))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(View_, await ModelAsync(user, null, localizer["Choose reminders from the list."], cancellationToken));
        }
        user.TimeZoneId = string.IsNullOrEmpty(timeZoneId) ? null : timeZoneId;
        user.Language = string.IsNullOrEmpty(language) ? null : language;
        await users.UpdateAsync(user);
        await preferences.SaveAsync(user.Id, remind, cancellationToken);
        // The sign-in cookie carries the language and time zone: renew it, and answer in the new language.
        await signIn.RefreshSignInAsync(user);
        if (Infrastructure.Site.Localisation.Cultures.FirstOrDefault(c => c.Name == user.Language) is { } chosen)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = chosen;
        }
        return View(View_, await ModelAsync(user, localizer["Your settings are saved."], null, cancellationToken));
    }

    /// <summary>The site's languages (each has every mail template: MailTemplatesTests).</summary>
    private static IReadOnlyList<string> MailLanguages() => [.. Infrastructure.Site.Localisation.Cultures.Select(c => c.Name)];

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

    private async Task<SettingsViewModel> ModelAsync(TrainingUser user, string? saved, string? error, CancellationToken cancellationToken)
    {
        var languages = MailLanguages()
            .Select(l => new Choice(l, Infrastructure.Site.Localisation.NativeName(CultureInfo.GetCultureInfo(l))))
            .ToList();
        return new SettingsViewModel(user.TimeZoneId, user.Language, await preferences.GetAsync(user.Id, cancellationToken),
            TimeZones(), languages, reminders.Value.DefaultTimeZone, saved, error);
    }
}
