using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Site;

/// <summary>Settings that would quietly break production stop the site at start, with a message naming the key.</summary>
public sealed class StartupSettingsTests
{
    /// <summary>The site as a ministry runs it: the Production environment.</summary>
    private sealed class ProductionSite() : TrainingAppFactory(null, "Production");

    [Theory]
    [InlineData(null, null, null, "Site:BaseUrl")]
    [InlineData("https://training.example.org", "/no/such/course-content", null, "Content:Folder")]
    [InlineData("https://training.example.org", null, "Mars/Olympus_Mons", "Reminders:DefaultTimeZone")]
    public void A_setting_that_would_break_production_stops_the_site_and_names_its_key(string? baseUrl, string? contentFolder, string? timeZone, string key)
    {
        using var app = new ProductionSite();
        app.WithSetting("Site:BaseUrl", baseUrl);
        if (contentFolder is not null)
        {
            app.WithSetting("Content:Folder", contentFolder);
        }
        if (timeZone is not null)
        {
            app.WithSetting("Reminders:DefaultTimeZone", timeZone);
        }

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_those_settings_right_the_site_starts_in_production()
    {
        using var app = new ProductionSite();
        app.WithSetting("Site:BaseUrl", "https://training.example.org");
        var response = await app.CreateClient().GetAsync("/courses");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }
}
