using Microsoft.EntityFrameworkCore;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Users;

/// <summary>
/// <c>dotnet run --project src/Web -- users grant-admin EMAIL</c>: makes an existing account an admin, for the
/// first admin of a new installation (or when the last one is gone). Audited as a role change by the command line.
/// </summary>
public static class UsersCommand
{
    public const string Usage = "Usage: dotnet run --project src/Web -- users grant-admin EMAIL";

    public static bool Matches(string[] args) => args is ["users", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (args is not ["users", "grant-admin", var email])
        {
            output.WriteLine(Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            output.WriteLine($"{email}: no account has this address. Register it on the site first (or invite the person), then run this again.");
            return 1;
        }
        var roles = scope.ServiceProvider.GetRequiredService<UserRoleService>();
        var current = (await roles.FindAsync(user.Id, cancellationToken))!.Roles;
        if (current.Contains(Roles.Admin))
        {
            output.WriteLine($"{user.Email} is already an admin.");
            return 0;
        }
        await roles.SetRolesAsync(Actor.CommandLine(), user.Id, [.. current, Roles.Admin], cancellationToken);
        output.WriteLine($"{user.Email} is now an admin (roles: {string.Join(", ", current.Append(Roles.Admin))}); the change is in the audit log.");
        return 0;
    }
}
