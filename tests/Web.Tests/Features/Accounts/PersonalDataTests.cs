using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>Downloading and deleting one's own account; deletion is password-checked like a log-in and audited.</summary>
public sealed class PersonalDataTests : IClassFixture<ClientAddressAppFactory>
{
    private readonly ClientAddressAppFactory app;

    public PersonalDataTests(ClientAddressAppFactory app) => this.app = app;

    private Task<List<AuditEntry>> EntriesAboutAsync(string targetId) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == targetId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_keeps_the_account_counts_a_failure_and_is_audited()
    {
        var person = await app.CreateUserAsync("Wim Wrong", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Password\">The password is wrong.</a>", page);
        Assert.DoesNotContain("not my password at all", page);
        var stored = app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == person.Id));
        Assert.Equal(1, stored.AccessFailedCount);
        var entry = (await EntriesAboutAsync(person.Id)).Last();
        Assert.Equal(AuditActions.AccountDeletionRefused, entry.Action);
        Assert.Equal(person.Id, entry.ActorUserId);
        Assert.StartsWith("wrong password (1 of 5", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(ClientAddressAppFactory.ClientAddress.ToString(), entry.IpAddress);
    }

    [Fact]
    public async Task The_right_password_anonymises_the_account_withdraws_its_certificate_audits_it_and_logs_out()
    {
        var person = await app.CreateUserAsync("Dora Delete", Roles.Learner);
        await app.CompleteWelcomeAsync(person.Id);
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = TrainingAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var stored = app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == person.Id));
        Assert.NotNull(stored.AnonymisedAt);
        Assert.Null(stored.Email);
        Assert.Equal("", stored.FullName);
        Assert.All(app.WithDb(db => db.Certificates.Where(c => c.UserId == person.Id).ToList()), c => Assert.NotNull(c.RevokedAt));
        var entry = (await EntriesAboutAsync(person.Id)).Last();
        Assert.Equal(AuditActions.AccountDeleted, entry.Action);
        Assert.Equal(person.Id, entry.ActorUserId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task The_only_admin_cannot_delete_their_account()
    {
        var admins = app.WithDb(db => db.UserRoles.Count(r => db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Admin)));
        Assert.Equal(0, admins); // this class's site has no other admin
        var admin = await app.CreateUserAsync("Ada Alone", Roles.Admin);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = TrainingAppFactory.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are the only admin.", await response.Content.ReadAsStringAsync());
        Assert.True(app.WithDb(db => db.Users.Any(u => u.Id == admin.Id)));
        Assert.Equal("the only admin", (await EntriesAboutAsync(admin.Id)).Last().Detail);
    }

    [Fact]
    public async Task The_download_holds_the_name_and_settings_but_not_the_authenticator_key()
    {
        var person = await app.CreateUserAsync("Dag Download", Roles.Learner);
        string key;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
            var stored = (await users.FindByIdAsync(person.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
        }
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/PersonalData", [], "/Identity/Account/Manage/DownloadPersonalData");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var profile = json.RootElement.GetProperty("profile");
        Assert.Equal("Dag Download", profile.GetProperty("fullName").GetString());
        Assert.Equal(person.Email, profile.GetProperty("email").GetString());
        Assert.Equal(Roles.Learner, profile.GetProperty("roles")[0].GetString());
        Assert.True(profile.GetProperty("hasAuthenticator").GetBoolean());
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }
}
