using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Training.Web.EndToEnd.Support;

namespace Training.Web.EndToEnd.Accounts;

public sealed partial class NewLearnerJourneyTests(SiteUnderTest site) : IClassFixture<SiteUnderTest>
{
    [Fact]
    public async Task A_new_learner_registers_confirms_by_mail_logs_in_sees_their_home_and_logs_out()
    {
        var page = await site.NewPageAsync();
        var email = $"amina.{Guid.NewGuid():N}@example.org";
        const string password = "lantern river morning tea";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("Full name, as it should appear on your certificates").FillAsync("Amina Haddad");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Check your e-mail");

        // Before confirming, logging in is refused.
        await LogInAsync(page, email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("not confirmed yet");

        var mail = await site.Smtp.WaitForMessageAsync(email);
        await page.GotoAsync(ConfirmationLinkIn(mail));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("E-mail address confirmed");

        await LogInAsync(page, email, password);
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + "/learn");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My learning");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Welcome, Amina Haddad.");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users and roles" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "learner-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        var afterLogout = await page.GotoAsync("/learn");
        Assert.NotNull(afterLogout);
        Assert.Contains("/Identity/Account/Login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_the_keyboard_and_moves_focus_to_the_main_content()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main$"));
        await Assertions.Expect(page.Locator("#main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task At_320_pixels_wide_the_page_does_not_scroll_sideways()
    {
        var page = await site.NewPageAsync(width: 320);
        await page.GotoAsync("/Identity/Account/Register");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.Equal(0, overflow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "register-320.png"), FullPage = true });
    }

    private static Task LogInAsync(IPage page, string email, string password) => SiteUnderTest.LogInAsync(page, email, password);

    /// <summary>The mail is quoted-printable HTML; the link is the href of its only anchor.</summary>
    private static string ConfirmationLinkIn(string rawMail)
    {
        var unfolded = rawMail.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)
            .Replace("=3D", "=", StringComparison.Ordinal);
        var match = HrefPattern().Match(unfolded);
        Assert.True(match.Success, "No link in the confirmation mail:\n" + rawMail);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("href=['\"]([^'\"]+ConfirmEmail[^'\"]+)['\"]")]
    private static partial Regex HrefPattern();
}
