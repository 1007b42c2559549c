using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.SingleSignOn;

/// <summary>
/// Single sign-on through a real OpenID Connect provider (<see cref="MinistryProvider"/>) and the real site, both on
/// 127.0.0.1, driven through Chromium: the button, the provider's authorization endpoint, its form_post back to
/// /signin-oidc, the code exchanged for tokens, and the callback that matches the person here.
/// </summary>
public sealed class SingleSignOnTests(SingleSignOnTests.SiteWithProvider site) : IClassFixture<SingleSignOnTests.SiteWithProvider>
{
    private const string ProviderName = "Ministry ID";

    public class SiteWithProvider : SiteUnderTest
    {
        public MinistryProvider Provider { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Provider = new MinistryProvider(BaseUrl, SmtpServer.FreePort());
            await Provider.StartAsync();
            await base.InitializeAsync();
        }

        protected override void Configure(TrainingAppFactory app) => app
            .WithSetting("SingleSignOn:Enabled", "true")
            .WithSetting("SingleSignOn:Authority", Provider.Issuer)
            .WithSetting("SingleSignOn:ClientId", MinistryProvider.ClientId)
            .WithSetting("SingleSignOn:ClientSecret", MinistryProvider.ClientSecret)
            .WithSetting("SingleSignOn:DisplayName", ProviderName);

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_coordinator_signs_in_through_the_provider_by_verified_address_and_keeps_only_this_sites_roles()
    {
        var coordinator = await site.App.CreateUserAsync("Cora Ordinator", Roles.Coordinator);
        var subject = Guid.NewGuid().ToString("N");
        // The provider spells the address in capitals and gives another name and an Admin role: none of it changes the account.
        site.Provider.NextPerson = new(subject, coordinator.Email!.ToUpperInvariant(), EmailVerified: true, "Someone Else");
        var page = await site.NewPageAsync();

        await SignInWithProviderAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Coordination" })).ToBeVisibleAsync();
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Users and roles" })).ToHaveCountAsync(0);

        var (logins, fullName, entries) = await AccountFactsAsync(coordinator.Id);
        Assert.Equal([subject], logins);
        Assert.Equal("Cora Ordinator", fullName);
        Assert.Equal([Roles.Coordinator], await RolesOfAsync(coordinator.Id));
        Assert.Contains(AuditActions.SingleSignOnLinked, entries);
        Assert.Contains(AuditActions.SignInSucceeded, entries);

        // The second time the link is used, whatever address the provider gives.
        site.Provider.NextPerson = site.Provider.NextPerson with { Email = "changed@ministry.example" };
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await SignInWithProviderAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coordination" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_with_two_factor_authentication_still_enters_a_code_after_the_provider()
    {
        var admin = await site.App.CreateUserAsync("Ada Admin", Roles.Admin);
        var key = await EnableTwoFactorAsync(admin.Id);
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), admin.Email!, EmailVerified: true, "Ada Admin");
        var page = await site.NewPageAsync();

        await SignInWithProviderAsync(page);

        // The provider's log-in counts as the password step; the site's second step still applies.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Two-factor authentication");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCountAsync(0);
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.CodeFor(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users and roles" })).ToBeVisibleAsync();
        Assert.Contains("two-factor: single sign-on and authenticator code",
            site.App.WithDb(db => db.AuditEntries.Where(e => e.TargetId == admin.Id && e.Action == AuditActions.SignInSucceeded).Select(e => e.Detail).ToList()));
    }

    [Fact]
    public async Task An_address_the_provider_has_not_verified_is_refused_and_nothing_is_linked()
    {
        var learner = await site.App.CreateUserAsync("Una Verified", Roles.Learner);
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), learner.Email!, EmailVerified: false, "Una Verified");
        var page = await site.NewPageAsync();

        await SignInWithProviderAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log in");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{ProviderName} has not confirmed that your e-mail address belongs to you");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCountAsync(0);
        var (logins, _, entries) = await AccountFactsAsync(learner.Id);
        Assert.Empty(logins);
        Assert.DoesNotContain(AuditActions.SingleSignOnLinked, entries);
        Assert.Contains(site.App.WithDb(db => db.AuditEntries.Where(e => e.TargetId == learner.Email && e.Action == AuditActions.SignInFailed).Select(e => e.Detail).ToList()),
            detail => detail.Contains("not verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_linked_to_another_identity_at_the_provider_is_not_taken_over_by_its_address()
    {
        var trainer = await site.App.CreateUserAsync("Tess Trainer", Roles.Trainer);
        using (var scope = site.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
            var result = await users.AddLoginAsync((await users.FindByIdAsync(trainer.Id))!, new UserLoginInfo("oidc", "the-first-identity", null));
            Assert.True(result.Succeeded);
        }
        // The provider has given the same (verified) address to another identity since.
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), trainer.Email!, EmailVerified: true, "Someone New");
        var page = await site.NewPageAsync();

        await SignInWithProviderAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"This account is already linked to another {ProviderName} identity");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCountAsync(0);
        var (logins, _, _) = await AccountFactsAsync(trainer.Id);
        Assert.Equal(["the-first-identity"], logins);
    }

    [Fact]
    public async Task A_refusal_at_the_provider_brings_the_person_back_to_the_log_in_page_with_a_message()
    {
        var learner = await site.App.CreateUserAsync("Ren Fused", Roles.Learner);
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), learner.Email!, EmailVerified: true, "Ren Fused", Refused: true);
        var page = await site.NewPageAsync();

        await SignInWithProviderAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log in");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"Signing in with {ProviderName} did not finish");
        var (logins, _, _) = await AccountFactsAsync(learner.Id);
        Assert.Empty(logins);
    }

    [Fact]
    public async Task A_verified_address_nobody_here_has_is_refused_and_no_account_is_made_by_default()
    {
        var stranger = $"stranger.{Guid.NewGuid():N}@ministry.example";
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), stranger, EmailVerified: true, "Stranger Danger");
        var page = await site.NewPageAsync();

        await SignInWithProviderAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"There is no account on this site with the e-mail address {ProviderName} gave");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCountAsync(0);
        var normalized = stranger.ToUpperInvariant();
        Assert.False(site.App.WithDb(db => db.Users.Any(u => u.NormalizedEmail == normalized)));
    }

    [Theory]
    [InlineData("en", "Sign in with Ministry ID")]
    [InlineData("ar", "تسجيل الدخول باستخدام Ministry ID")]
    public async Task The_log_in_page_with_the_providers_button_meets_WCAG_in_English_and_Arabic(string culture, string button)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync($"/Identity/Account/Login?culture={culture}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = button })).ToBeVisibleAsync();

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>From the log-in page through the provider and back; the provider's counter proves the round trip.</summary>
    private async Task SignInWithProviderAsync(IPage page)
    {
        var before = site.Provider.Authorizations;
        await page.GotoAsync("/Identity/Account/Login");
        // The callback answers with a redirect (home, or back to the log-in page with a message).
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {ProviderName}" }).ClickAsync(),
            response => response.Url.StartsWith(site.BaseUrl + "/sso/callback", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();
        Assert.Equal(before + 1, site.Provider.Authorizations);
    }

    private async Task<string> EnableTwoFactorAsync(string userId)
    {
        using var scope = site.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private async Task<IList<string>> RolesOfAsync(string userId)
    {
        using var scope = site.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    private async Task<(List<string> Logins, string FullName, List<string> AuditActionsAboutThem)> AccountFactsAsync(string userId)
    {
        using var scope = site.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such user.");
        var logins = (await users.GetLoginsAsync(user)).Select(l => l.ProviderKey).ToList();
        var entries = site.App.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == userId).Select(e => e.Action).ToList());
        return (logins, user.FullName, entries);
    }
}
