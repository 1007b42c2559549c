using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>Admins and coordinators must set up two-factor authentication before they reach anything else.</summary>
public sealed partial class StaffTwoFactorTests : IDisposable
{
    private const string SetUp = "/Identity/Account/Manage/EnableAuthenticator";
    private readonly TrainingAppFactory app = new TrainingAppFactory().WithSetting("TwoFactor:RequiredForStaff", "true");

    public void Dispose()
    {
        app.Dispose();
        if (Directory.Exists(app.DataFolder))
        {
            Directory.Delete(app.DataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task A_coordinator_without_it_reaches_only_its_set_up_then_everything_once_it_is_on_and_cannot_turn_it_off()
    {
        var coordinator = await app.CreateUserAsync("Cora Two", Roles.Coordinator);
        await app.CoordinateAsync(await app.CreateUnitAsync("Port"), coordinator.Email!);
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        foreach (var page in new[] { "/coordinate", "/coordinate/people", "/account/settings", "/courses" })
        {
            var refused = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal(SetUp, refused.Headers.Location!.OriginalString);
        }
        var html = await client.GetStringAsync(SetUp);
        Assert.Contains("Admins and coordinators must use two-factor authentication.", WebUtility.HtmlDecode(html));
        var posted = await client.PostAsync("/coordinate/assignments", new FormUrlEncodedContent([new("__RequestVerificationToken", FormPoster.TokenIn(html))]));
        Assert.Equal(SetUp, posted.Headers.Location!.OriginalString);

        var key = WebUtility.HtmlDecode(KeyShown().Match(html).Groups[1].Value).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var on = await client.PostFormAsync(SetUp, new Dictionary<string, string> { ["Input.Code"] = Totp.CodeFor(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", on.Headers.Location!.OriginalString);
        Assert.Matches(RecoveryCode(), await client.GetStringAsync("/Identity/Account/Manage/ShowRecoveryCodes"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordinate")).StatusCode);
        var off = await client.PostFormAsync("/Identity/Account/Manage/TwoFactorAuthentication", new Dictionary<string, string>(), "/Identity/Account/Manage/Disable2fa");
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", off.Headers.Location!.OriginalString);
        Assert.Contains("Your role requires two-factor authentication", WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/Account/Manage/TwoFactorAuthentication")));
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Id == coordinator.Id).TwoFactorEnabled));
    }

    [Fact]
    public async Task An_admin_is_held_too_and_a_learner_or_trainer_is_not()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Adam Two", Roles.Admin)).Email!);
        var learner = await app.LoggedInClientAsync((await app.CreateUserAsync("Lena Two", Roles.Learner)).Email!);
        var trainer = await app.LoggedInClientAsync((await app.CreateUserAsync("Theo Two", Roles.Trainer)).Email!);

        var adminPage = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.Equal(SetUp, adminPage.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync("/learn")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync("/teach")).StatusCode);
        Assert.DoesNotContain("Admins and coordinators must", WebUtility.HtmlDecode(await learner.GetStringAsync(SetUp)));
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Development", true, true)]
    [InlineData("Production", false, false)]
    public void It_is_required_by_default_everywhere_but_in_development(string environment, bool? setting, bool required)
    {
        var rule = new StaffTwoFactor(Options.Create(new TwoFactorOptions { RequiredForStaff = setting }), new Environment(environment));

        Assert.Equal(required, rule.Required);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Web";

        public string ContentRootPath { get; set; } = "";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [GeneratedRegex("<kbd class=\"authenticator-key\">([^<]+)</kbd>")]
    private static partial Regex KeyShown();

    [GeneratedRegex(@"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b")]
    private static partial Regex RecoveryCode();
}
