using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>Every password log-in leaves an audit entry: who, from which address, how it ended.</summary>
public sealed class SignInAuditTests : IClassFixture<ClientAddressAppFactory>
{
    private readonly ClientAddressAppFactory app;

    public SignInAuditTests(ClientAddressAppFactory app) => this.app = app;

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private Task<List<AuditEntry>> EntriesAboutAsync(string targetId) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == targetId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_successful_log_in_is_recorded_with_the_person_as_actor_and_their_address()
    {
        var learner = await app.CreateUserAsync("Sami Success", Roles.Learner);

        await app.LoggedInClientAsync(learner.Email!);

        var entry = Assert.Single(await EntriesAboutAsync(learner.Id));
        Assert.Equal(AuditActions.SignInSucceeded, entry.Action);
        Assert.Equal(learner.Id, entry.ActorUserId);
        Assert.Equal(learner.Email, entry.ActorName);
        Assert.Equal("person", entry.TargetType);
        Assert.Equal(ClientAddressAppFactory.ClientAddress.ToString(), entry.IpAddress);
        Assert.True(entry.At > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_wrong_password_is_recorded_as_a_failure_by_an_anonymous_visitor_against_the_account()
    {
        var learner = await app.CreateUserAsync("Wanda Wrong", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, "not the password"));

        var entry = Assert.Single(await EntriesAboutAsync(learner.Id));
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Null(entry.ActorUserId);
        Assert.Equal("anonymous", entry.ActorName);
        Assert.Contains("wrong password", entry.Detail);
        Assert.Equal(ClientAddressAppFactory.ClientAddress.ToString(), entry.IpAddress);
    }

    [Fact]
    public async Task An_unknown_address_is_recorded_with_the_typed_address_and_the_visitor_sees_the_usual_message()
    {
        var typed = $"{Guid.NewGuid():N}@nobody.example.org";
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Login", Credentials(typed, "whatever it is"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail address or password is wrong, or the address is not confirmed yet.", await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(await EntriesAboutAsync(typed));
        Assert.Equal(AuditActions.SignInFailed, entry.Action);
        Assert.Null(entry.ActorUserId);
        Assert.Equal("anonymous", entry.ActorName);
        Assert.Equal("person", entry.TargetType);
        Assert.Equal(ClientAddressAppFactory.ClientAddress.ToString(), entry.IpAddress);
    }

    [Fact]
    public async Task A_lockout_is_recorded_when_it_happens_and_again_when_the_locked_account_is_tried()
    {
        var learner = await app.CreateUserAsync("Lars Locked", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, "not the password " + attempt));
        }
        await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, TrainingAppFactory.Password));

        var entries = await EntriesAboutAsync(learner.Id);
        Assert.Equal(
            [.. Enumerable.Repeat(AuditActions.SignInFailed, 4), AuditActions.SignInLockedOut, AuditActions.SignInLockedOut],
            entries.Select(e => e.Action));
        var lockout = entries[4];
        Assert.Null(lockout.ActorUserId);
        Assert.Contains("locked until", lockout.Detail);
        Assert.Equal(ClientAddressAppFactory.ClientAddress.ToString(), lockout.IpAddress);
    }
}
