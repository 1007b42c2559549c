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
        Assert.Contains("<option value=\"fr\" lang=\"fr\">français</option>", page);
        Assert.Contains("<input type=\"checkbox\" id=\"inactivity\" name=\"inactivity\" value=\"true\" checked=\"checked\">", page);
        var saved = await client.PostFormAsync("/account/settings", new Dictionary<string, string>
        {
            ["timeZoneId"] = "Asia/Manila", ["language"] = "fr", ["certificateExpiry"] = "true", ["unfinishedAttempt"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = app.WithDb(db => db.Users.Single(u => u.Id == user.Id));
        Assert.Equal("Asia/Manila", stored.TimeZoneId);
        Assert.Equal("fr", stored.Language);
        Assert.False(stored.RemindInactivity);
        Assert.True(stored.RemindCertificateExpiry);
        Assert.Contains("<option value=\"Asia/Manila\" selected=\"selected\">", await client.GetStringAsync("/account/settings"));
    }

    [Fact]
    public async Task Values_that_are_not_offered_are_refused_and_nothing_changes()
    {
        var user = await app.CreateUserAsync("Vera Values", Roles.Learner);
        var client = await app.LoggedInClientAsync(user.Email!);

        var zone = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["timeZoneId"] = "Mars/Olympus_Mons", ["inactivity"] = "true" });
        var windowsId = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["timeZoneId"] = "Pacific Standard Time", ["inactivity"] = "true" });
        var language = await client.PostFormAsync("/account/settings", new Dictionary<string, string> { ["language"] = "../../etc", ["inactivity"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, windowsId.StatusCode); // found by .NET, but not in the list
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Contains("Choose a time zone and a language from the lists.", await zone.Content.ReadAsStringAsync());
        var stored = app.WithDb(db => db.Users.Single(u => u.Id == user.Id));
        Assert.Null(stored.TimeZoneId);
        Assert.Null(stored.Language);
        Assert.True(stored.RemindCertificateExpiry);
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
