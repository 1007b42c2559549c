using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.SingleSignOn;

/// <summary>With SingleSignOn:CreateAccounts on, a verified address nobody here has gets a learner account; an unverified one still gets nothing.</summary>
public sealed class SingleSignOnAccountCreationTests(SingleSignOnAccountCreationTests.SiteCreatingAccounts site)
    : IClassFixture<SingleSignOnAccountCreationTests.SiteCreatingAccounts>
{
    public sealed class SiteCreatingAccounts : SingleSignOnTests.SiteWithProvider
    {
        protected override void Configure(TrainingAppFactory app)
        {
            base.Configure(app);
            app.WithSetting("SingleSignOn:CreateAccounts", "true");
        }
    }

    [Fact]
    public async Task A_verified_newcomer_gets_a_confirmed_learner_account_named_by_the_provider()
    {
        var email = $"newcomer.{Guid.NewGuid():N}@ministry.example";
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), email, EmailVerified: true, "Nadia Newcomer");
        var page = await site.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Login?returnUrl=%2Flearn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Ministry ID" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + "/learn");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Welcome, Nadia Newcomer.");
        using var scope = site.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([Roles.Learner], await users.GetRolesAsync(user));
        Assert.Single(await users.GetLoginsAsync(user));
        var actions = site.App.WithDb(db => db.AuditEntries.Where(e => e.TargetId == user.Id).Select(e => e.Action).ToList());
        Assert.Contains(AuditActions.PersonCreated, actions);
        Assert.Contains(AuditActions.SingleSignOnLinked, actions);
    }

    [Fact]
    public async Task An_unverified_newcomer_gets_no_account()
    {
        var email = $"unverified.{Guid.NewGuid():N}@ministry.example";
        site.Provider.NextPerson = new(Guid.NewGuid().ToString("N"), email, EmailVerified: false, "Nobody Verified");
        var page = await site.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Ministry ID" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("has not confirmed that your e-mail address belongs to you");
        var normalized = email.ToUpperInvariant();
        Assert.False(site.App.WithDb(db => db.Users.Any(u => u.NormalizedEmail == normalized)));
    }
}
