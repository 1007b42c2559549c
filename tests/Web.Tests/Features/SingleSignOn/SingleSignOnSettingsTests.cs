using System.Net;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.SingleSignOn;

/// <summary>
/// Single sign-on is off unless switched on, and switched on without its provider it stops the site at start.
/// The flow itself runs against a real provider in Web.EndToEnd (SingleSignOnTests).
/// </summary>
public sealed class SingleSignOnSettingsTests : IDisposable
{
    private readonly List<TrainingAppFactory> sites = [];

    private TrainingAppFactory NewSite()
    {
        var site = new TrainingAppFactory();
        sites.Add(site);
        return site;
    }

    public void Dispose()
    {
        foreach (var site in sites)
        {
            site.Dispose();
            if (Directory.Exists(site.DataFolder))
            {
                Directory.Delete(site.DataFolder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(null, "training", "SingleSignOn:Authority")]
    [InlineData("not an address", "training", "SingleSignOn:Authority")]
    [InlineData("https://login.ministry.example", null, "SingleSignOn:ClientId")]
    public void Switched_on_without_its_provider_the_site_does_not_start_and_names_the_key(string? authority, string? clientId, string key)
    {
        var app = NewSite()
            .WithSetting("SingleSignOn:Enabled", "true")
            .WithSetting("SingleSignOn:Authority", authority)
            .WithSetting("SingleSignOn:ClientId", clientId);

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_by_default_the_log_in_page_has_no_button_and_its_addresses_are_not_found()
    {
        var app = NewSite();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var login = await client.GetAsync("/Identity/Account/Login");
        var page = await login.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var challenge = await client.PostAsync("/sso", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormPoster.TokenIn(page) }));
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sso/callback")).StatusCode);
    }

    [Fact]
    public async Task Switched_on_the_log_in_page_offers_the_provider_and_lets_its_form_lead_there()
    {
        var app = NewSite()
            .WithSetting("SingleSignOn:Enabled", "true")
            .WithSetting("SingleSignOn:Authority", "https://login.ministry.example/realms/officials")
            .WithSetting("SingleSignOn:ClientId", "training")
            .WithSetting("SingleSignOn:DisplayName", "Ministry ID");
        var client = app.CreateClient();

        var login = await client.GetAsync("/Identity/Account/Login?returnUrl=%2Flearn");
        var page = WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync());

        Assert.Contains("Sign in with Ministry ID</button>", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/sso\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/learn\"", page, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.ministry.example;", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
