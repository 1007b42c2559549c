using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Users;

public sealed class UsersTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public UsersTests(TrainingAppFactory app) => this.app = app;

    private Task<List<string?>> RolesOfAsync(string userId) =>
        app.WithDb(db => db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).ToListAsync());

    [Fact]
    public async Task An_admin_changes_a_persons_roles()
    {
        var admin = await app.CreateUserAsync("Ada Admin", Roles.Admin);
        var person = await app.CreateUserAsync("Pedro Person", Roles.Learner);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var page = await client.GetStringAsync("/admin/users?q=Pedro");
        Assert.Contains("Pedro Person", page);
        var response = await client.PostAsync($"/admin/users/{person.Id}", new FormUrlEncodedContent(
        [
            new("roles", Roles.Trainer),
            new("roles", Roles.Coordinator),
            new("__RequestVerificationToken", FormPoster.TokenIn(await client.GetStringAsync($"/admin/users/{person.Id}"))),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Coordinator, Roles.Trainer], await RolesOfAsync(person.Id));
    }

    [Fact]
    public async Task A_role_change_writes_one_audit_entry_naming_the_admin_and_the_roles_before_and_after()
    {
        var admin = await app.CreateUserAsync("Audra Admin", Roles.Admin);
        var person = await app.CreateUserAsync("Rolf Roles", Roles.Learner, Roles.Trainer);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostAsync($"/admin/users/{person.Id}", new FormUrlEncodedContent(
        [
            new("roles", Roles.Coordinator),
            new("roles", Roles.Learner),
            new("__RequestVerificationToken", FormPoster.TokenIn(await client.GetStringAsync($"/admin/users/{person.Id}"))),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetId == person.Id && e.Action == AuditActions.RolesChanged).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal(admin.Email, entry.ActorName);
        Assert.Equal("person", entry.TargetType);
        Assert.Equal("Learner, Trainer → Learner, Coordinator", entry.Detail);
        Assert.Equal([Roles.Coordinator, Roles.Learner], await RolesOfAsync(person.Id));
    }

    [Fact]
    public async Task Saving_the_same_roles_writes_no_audit_entry()
    {
        var admin = await app.CreateUserAsync("Una Unchanged", Roles.Admin);
        var person = await app.CreateUserAsync("Sam Same", Roles.Learner);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostFormAsync($"/admin/users/{person.Id}",
            new Dictionary<string, string> { ["roles"] = Roles.Learner });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.AuditEntries.CountAsync(e => e.TargetId == person.Id && e.Action == AuditActions.RolesChanged)));
    }

    [Fact]
    public async Task The_last_admin_cannot_remove_their_own_admin_role()
    {
        // Other tests in this class create admins too, so remove them all but one first.
        var admin = await app.CreateUserAsync("Solo Admin", Roles.Admin);
        await app.WithDb(db => db.UserRoles
            .Where(ur => ur.UserId != admin.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .ExecuteDeleteAsync());
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostFormAsync($"/admin/users/{admin.Id}",
            new Dictionary<string, string> { ["roles"] = Roles.Learner });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least one administrator", await response.Content.ReadAsStringAsync());
        Assert.Equal([Roles.Admin], await RolesOfAsync(admin.Id));
        Assert.Equal(0, await app.WithDb(db => db.AuditEntries.CountAsync(e => e.TargetId == admin.Id && e.Action == AuditActions.RolesChanged)));
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Coordinator)]
    public async Task Only_admins_may_see_or_change_roles(string role)
    {
        var person = await app.CreateUserAsync("Not Admin", role);
        var client = await app.LoggedInClientAsync(person.Email!);

        var list = await client.GetAsync("/admin/users");
        var post = await client.PostFormAsync("/Identity/Account/Manage",
            new Dictionary<string, string> { ["roles"] = Roles.Admin }, actionUrl: $"/admin/users/{person.Id}");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Contains("/error/403", list.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal([role], await RolesOfAsync(person.Id));
    }

    [Fact]
    public async Task A_role_post_without_the_anti_forgery_token_is_refused()
    {
        var admin = await app.CreateUserAsync("Tok Admin", Roles.Admin);
        var person = await app.CreateUserAsync("Tok Person", Roles.Learner);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostAsync($"/admin/users/{person.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["roles"] = Roles.Admin }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([Roles.Learner], await RolesOfAsync(person.Id));
    }
}
