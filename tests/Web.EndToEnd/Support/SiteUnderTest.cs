using System.Net;
using Microsoft.Playwright;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Support;

/// <summary>
/// The real site on 127.0.0.1 (Kestrel, a real SQLite file), a real SMTP server, and Debian's Chromium
/// driven by Playwright. One per test class.
/// </summary>
public class SiteUnderTest : IAsyncLifetime
{
    private IPlaywright? playwright;

    public SmtpServer Smtp { get; } = new();

    public TrainingAppFactory App { get; private set; } = null!;

    public string BaseUrl { get; } = $"http://127.0.0.1:{SmtpServer.FreePort()}";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, for a person to look at after a run.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Web.EndToEnd", "bin", "screenshots");

    public virtual async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        var port = new Uri(BaseUrl).Port;
        App = new TrainingAppFactory()
            .WithSetting("Site:BaseUrl", BaseUrl)
            .WithSetting("Smtp:Host", "127.0.0.1")
            .WithSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Smtp:From", "training@example.org");
        Configure(App);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        App.StartServer();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Adds settings before the site starts.</summary>
    protected virtual void Configure(TrainingAppFactory app)
    {
    }

    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = Patient(await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = 900 } }));
        return await context.NewPageAsync();
    }

    /// <summary>
    /// How long a browser action or navigation may wait. The suite runs beside the other test projects on two
    /// cores, where a page can take far longer than Playwright's 30 s default without anything being wrong;
    /// tests still wait for events, this only moves the point at which a wait counts as a failure.
    /// </summary>
    public const float PatienceMilliseconds = 120_000;

    /// <summary>The context with <see cref="PatienceMilliseconds"/> for its actions and navigations.</summary>
    public static IBrowserContext Patient(IBrowserContext context)
    {
        context.SetDefaultTimeout(PatienceMilliseconds);
        context.SetDefaultNavigationTimeout(PatienceMilliseconds);
        Assertions.SetDefaultExpectTimeout(30_000);
        return context;
    }

    /// <summary>Logs in through the log-in page, as a person would.</summary>
    public static async Task LogInAsync(IPage page, string email, string password = TrainingAppFactory.Password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
        if (Directory.Exists(App.DataFolder))
        {
            Directory.Delete(App.DataFolder, recursive: true);
        }
    }

}
