using System.Net;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

public sealed class SettingsTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    [Fact]
    public async Task A_person_sets_their_time_zone_mail_language_and_reminders()
    {
        var user = await app.CreateUserAsync("Tomas Timezone", Roles.Learner);
        var client = await app.LoggedInClientAsync(user.Email!);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/settings"));
        Assert.Contains("<option value=\"Asia/Manila\">(UTC+08:00) Asia/Manila</option>", page);
        Assert.Contains("<option value=\"fr\" lang=\"fr\">Français</option>", page);
        Assert.Contains("<input type=\"checkbox\" id=\"remind-inactivity\" name=\"remind\" value=\"inactivity\" checked=\"checked\"", page);
        var saved = await client.PostFormAsync("/account/settings",
        [
            new("timeZoneId", "Asia/Manila"), new("language", "fr"), new("remind", "certificate-expiry"), new("remind", "unfinished-attempt"),
        ]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = app.WithDb(db => db.Users.Single(u => u.Id == user.Id));
        Assert.Equal("Asia/Manila", stored.TimeZoneId);
        Assert.Equal("fr", stored.Language);
        Assert.Equal(["inactivity"], app.WithDb(db => db.ReminderOptOuts.Where(o => o.UserId == user.Id).Select(o => o.Kind).ToList()));
        var again = await client.GetStringAsync("/account/settings");
        Assert.Contains("<option value=\"Asia/Manila\" selected=\"selected\">", again);
        Assert.Contains("<input type=\"checkbox\" id=\"remind-inactivity\" name=\"remind\" value=\"inactivity\" aria-describedby", again);
    }

    [Fact]
    public async Task Values_that_are_not_offered_are_refused_and_nothing_changes()
    {
        var user = await app.CreateUserAsync("Vera Values", Roles.Learner);
        var client = await app.LoggedInClientAsync(user.Email!);

        var zone = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["timeZoneId"] = "Mars/Olympus_Mons", ["inactivity"] = "true" });
        var windowsId = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["timeZoneId"] = "Pacific Standard Time", ["inactivity"] = "true" });
        var language = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["language"] = "../../etc", ["inactivity"] = "true" });
        var mandatory = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["remind"] = "due-soon" });
        var unknown = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["remind"] = "RemindInactivity" });

        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, windowsId.StatusCode); // found by .NET, but not in the list
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mandatory.StatusCode); // not an optional reminder: not on the page
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose a time zone and a language from the lists.", await zone.Content.ReadAsStringAsync());
        Assert.Contains("Choose reminders from the list.", await mandatory.Content.ReadAsStringAsync());
        var stored = app.WithDb(db => db.Users.Single(u => u.Id == user.Id));
        Assert.Null(stored.TimeZoneId);
        Assert.Null(stored.Language);
        Assert.Empty(app.WithDb(db => db.ReminderOptOuts.Where(o => o.UserId == user.Id).ToList()));
    }

    [Fact]
    public async Task The_settings_page_lists_every_optional_reminder_and_says_why_mandatory_ones_cannot_be_switched_off()
    {
        var user = await app.CreateUserAsync("Nadia New", Roles.Learner);
        var client = await app.LoggedInClientAsync(user.Email!);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/settings"));

        Assert.Contains("Reminders about training assigned to you (mandatory training) cannot be switched off, because your organisation requires that training.", page);
        foreach (var (kind, name) in new[] { ("certificate-expiry", "Certificate about to expire"), ("inactivity", "Course not opened for a while"), ("unfinished-attempt", "Quiz left unfinished") })
        {
            // A new account has no opt-outs: every optional reminder is ticked.
            Assert.Contains($"<input type=\"checkbox\" id=\"remind-{kind}\" name=\"remind\" value=\"{kind}\" checked=\"checked\"", page);
            Assert.Contains($"<label for=\"remind-{kind}\">{name}</label>", page);
        }
    }

    [Fact]
    public async Task Settings_need_a_log_in_and_an_anti_forgery_token()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var user = await app.CreateUserAsync("Fiona Forged", Roles.Learner);
        var client = await app.LoggedInClientAsync(user.Email!);

        var page = await anonymous.GetAsync("/account/settings");
        var forged = await client.PostAsync("/account/settings", new FormUrlEncodedContent(new Dictionary<string, string> { ["timeZoneId"] = "Asia/Manila" }));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Identity/Account/Login", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(app.WithDb(db => db.Users.Single(u => u.Id == user.Id).TimeZoneId));
    }
}
