using System.Net;
using System.Net.Http.Headers;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Languages;

/// <summary>The language of a page: the profile, then the switcher's cookie, then the browser, then English.</summary>
public sealed class LanguageTests : IDisposable
{
    private readonly TrainingAppFactory app = new();

    [Fact]
    public async Task An_anonymous_visitor_gets_the_browsers_language_and_English_otherwise()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr-CH"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de", 0.8));

        var french = await client.GetStringAsync("/Identity/Account/Login");
        var english = await app.CreateClient().GetStringAsync("/Identity/Account/Login");

        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", french);
        Assert.Contains("Aller au contenu principal", WebUtility.HtmlDecode(french));
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english);
        Assert.Contains("Skip to main content", english);
    }

    [Fact]
    public async Task The_switcher_works_without_script_returns_to_the_same_page_and_Arabic_is_right_to_left()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/Register?returnUrl=%2Fcourses"));
        Assert.Contains("name=\"returnUrl\" value=\"/Identity/Account/Register?returnUrl=%2Fcourses\"", page);
        Assert.Contains("<button type=\"submit\" name=\"culture\" value=\"ar\" lang=\"ar\" class=\"link-button\">العربية</button>", page);
        var switched = await client.PostFormAsync("/Identity/Account/Register?returnUrl=%2Fcourses",
            new Dictionary<string, string> { ["culture"] = "ar", ["returnUrl"] = "/Identity/Account/Register?returnUrl=%2Fcourses" }, "/language");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Identity/Account/Register?returnUrl=%2Fcourses", switched.Headers.Location!.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var arabic = WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/Register?returnUrl=%2Fcourses"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("<span lang=\"ar\" aria-current=\"true\">العربية</span>", arabic);
    }

    [Fact]
    public async Task The_switcher_refuses_an_unknown_language_and_never_leaves_the_site()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var unknown = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string> { ["culture"] = "xx", ["returnUrl"] = "/" }, "/language");
        var outside = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string> { ["culture"] = "es", ["returnUrl"] = "https://evil.example/" }, "/language");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        Assert.Equal("/", outside.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_persons_profile_language_wins_and_the_switcher_changes_it()
    {
        var user = await app.CreateUserAsync("Paz Perfil", Roles.Learner);
        app.WithDb(db =>
        {
            db.Users.Single(u => u.Id == user.Id).Language = "es";
            return db.SaveChanges();
        });
        var client = await app.LoggedInClientAsync(user.Email!);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        var spanish = await client.GetStringAsync("/learn");
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", spanish);

        var switched = await client.PostFormAsync("/learn", new Dictionary<string, string> { ["culture"] = "ar", ["returnUrl"] = "/learn" }, "/language");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("ar", app.WithDb(db => db.Users.Single(u => u.Id == user.Id).Language));
        // The renewed sign-in cookie carries the new language, whatever the browser says.
        var cookies = switched.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var renewed = app.CreateClient(new() { AllowAutoRedirect = false });
        renewed.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));
        renewed.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Where(c => c.StartsWith("Training.Auth=", StringComparison.Ordinal))));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", await renewed.GetStringAsync("/learn"));
    }

    public void Dispose() => app.Dispose();
}
