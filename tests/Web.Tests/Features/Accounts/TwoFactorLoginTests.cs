using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>The second step of a log-in (authenticator code or recovery code), audited like the first.</summary>
public sealed class TwoFactorLoginTests : IClassFixture<ClientAddressAppFactory>
{
    private readonly ClientAddressAppFactory app;

    public TwoFactorLoginTests(ClientAddressAppFactory app) => this.app = app;

    private async Task<(TrainingUser User, string Key)> WithTwoFactorAsync(string name)
    {
        var user = await app.CreateUserAsync(name, Roles.Learner);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(stored);
        await users.SetTwoFactorEnabledAsync(stored, true);
        return (user, (await users.GetAuthenticatorKeyAsync(stored))!);
    }

    private async Task<(HttpClient Client, string SecondStep)> PasswordStepAsync(TrainingUser user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = TrainingAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var location = login.Headers.Location!.OriginalString;
        Assert.StartsWith("/Identity/Account/LoginWith2fa", location, StringComparison.Ordinal);
        return (client, location);
    }

    private Task<List<AuditEntry>> EntriesAboutAsync(string targetId) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == targetId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_wrong_then_right_authenticator_code_is_audited_as_a_failure_then_a_sign_in_with_two_factor()
    {
        var (user, key) = await WithTwoFactorAsync("Tove Twofactor");
        var (client, secondStep) = await PasswordStepAsync(user);
        var wrongCode = Totp.CodeFor(key, DateTimeOffset.UtcNow.AddHours(-1));

        var wrong = await client.PostFormAsync(secondStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = wrongCode });
        var right = await client.PostFormAsync(secondStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.CodeFor(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("That code is wrong or has expired.", page);
        Assert.Contains("href=\"#Input_TwoFactorCode\"", page);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        var entries = await EntriesAboutAsync(user.Id);
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignInSucceeded], entries.Select(e => e.Action));
        Assert.StartsWith("two-factor: wrong authenticator code (1 of 5", entries[0].Detail, StringComparison.Ordinal);
        Assert.Null(entries[0].ActorUserId);
        Assert.Equal("two-factor: password and authenticator code", entries[1].Detail);
        Assert.Equal(user.Id, entries[1].ActorUserId);
        Assert.Equal(ClientAddressAppFactory.ClientAddress.ToString(), entries[1].IpAddress);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_logs_in_once_and_is_audited()
    {
        var (user, _) = await WithTwoFactorAsync("Rune Recovery");
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.First();
        }
        var (client, _) = await PasswordStepAsync(user);

        var used = await client.PostFormAsync("/Identity/Account/LoginWithRecoveryCode?returnUrl=%2Fcourses",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = code });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal("/courses", used.Headers.Location!.OriginalString);
        var entry = Assert.Single(await EntriesAboutAsync(user.Id));
        Assert.Equal(AuditActions.SignInSucceeded, entry.Action);
        Assert.Equal("two-factor: password and recovery code", entry.Detail);

        var (again, _) = await PasswordStepAsync(user);
        var reused = await again.PostFormAsync("/Identity/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("That recovery code is wrong or has been used already.", await reused.Content.ReadAsStringAsync());
        Assert.Equal(AuditActions.SignInFailed, (await EntriesAboutAsync(user.Id)).Last().Action);
    }

    [Fact]
    public async Task Without_a_log_in_under_way_both_second_step_pages_send_the_visitor_to_log_in_with_a_message()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var page in new[] { "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode" })
        {
            var response = await client.GetAsync(page + "?returnUrl=%2Fcourses");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Identity/Account/Login?returnUrl=%2Fcourses", response.Headers.Location!.OriginalString);
            var login = await client.GetStringAsync(response.Headers.Location);
            Assert.Contains("Your log-in was not finished in time. Log in again.", login);
        }
        var posted = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>(), "/Identity/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_are_shown_once()
    {
        var (user, key) = await WithTwoFactorAsync("Nina Newcodes");
        var (client, secondStep) = await PasswordStepAsync(user);
        await client.PostFormAsync(secondStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp.CodeFor(key, DateTimeOffset.UtcNow) });

        var made = await client.PostFormAsync("/Identity/Account/Manage/GenerateRecoveryCodes", []);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", made.Headers.Location!.OriginalString);
        var shown = await client.GetStringAsync(made.Headers.Location);
        var again = await client.GetAsync(made.Headers.Location);

        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(shown, "<li><code>"));
        Assert.Contains("You have new recovery codes.", shown);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", again.Headers.Location!.OriginalString);
    }
}
