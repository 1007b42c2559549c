using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Features.Users;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Users;

/// <summary><c>users grant-admin EMAIL</c>: the first admin of a new installation, audited.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TrainingAppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await UsersCommand.RunAsync(args, app.Services, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task An_existing_account_becomes_an_admin_keeping_its_roles_and_the_change_is_audited_as_the_command_line()
    {
        var person = await app.CreateUserAsync("Fiona First", Roles.Learner);

        var (exit, output) = await RunAsync("users", "grant-admin", person.Email!.ToUpperInvariant());

        Assert.Equal(0, exit);
        Assert.Contains("is now an admin", output, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
            var roles = await users.GetRolesAsync((await users.FindByIdAsync(person.Id))!);
            Assert.Contains(Roles.Admin, roles);
            Assert.Contains(Roles.Learner, roles);
        }
        var entry = app.WithDb(db => db.AuditEntries.Single(e => e.Action == AuditActions.RolesChanged && e.TargetId == person.Id));
        Assert.StartsWith("command line", entry.ActorName, StringComparison.Ordinal);
        Assert.Contains("Admin", entry.Detail, StringComparison.Ordinal);
        // The new admin can open the admin pages.
        var client = await app.LoggedInClientAsync(person.Email!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);

        var (again, said) = await RunAsync("users", "grant-admin", person.Email!);
        Assert.Equal(0, again);
        Assert.Contains("already an admin", said, StringComparison.Ordinal);
        Assert.Equal(1, app.WithDb(db => db.AuditEntries.Count(e => e.Action == AuditActions.RolesChanged && e.TargetId == person.Id)));
    }

    [Fact]
    public async Task An_unknown_address_or_a_wrong_command_changes_nothing_and_exits_non_zero()
    {
        var (exit, output) = await RunAsync("users", "grant-admin", "nobody@example.org");
        Assert.Equal(1, exit);
        Assert.Contains("no account has this address", output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync("users", "grant-admin")).Exit);
        Assert.Equal(2, (await RunAsync("users", "promote", "x@example.org")).Exit);
        Assert.False(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.RolesChanged)));
    }
}
