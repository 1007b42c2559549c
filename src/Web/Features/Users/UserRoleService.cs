using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Users;

public sealed record UserSummary(string Id, string FullName, string Email, IReadOnlyList<string> Roles);

public enum RoleChangeOutcome
{
    Saved,
    NotFound,
    WouldRemoveLastAdmin,
}

/// <summary>Lists accounts and changes their roles (admin only).</summary>
public sealed class UserRoleService(TrainingDbContext db, UserManager<TrainingUser> userManager)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<UserSummary>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim()}%";
            users = users.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.FullName, pattern));
        }
        return await users.OrderBy(u => u.Email).Take(PageSize).Select(ToSummary()).ToListAsync(cancellationToken);
    }

    public Task<UserSummary?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == id).Select(ToSummary()).SingleOrDefaultAsync(cancellationToken);

    public async Task<RoleChangeOutcome> SetRolesAsync(string id, IEnumerable<string> requestedRoles, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null)
        {
            return RoleChangeOutcome.NotFound;
        }
        var wanted = requestedRoles.Intersect(Roles.All).ToHashSet();
        var current = (await userManager.GetRolesAsync(user)).ToHashSet();

        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin)
            && (await userManager.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return RoleChangeOutcome.WouldRemoveLastAdmin;
        }
        cancellationToken.ThrowIfCancellationRequested();

        await userManager.RemoveFromRolesAsync(user, current.Except(wanted));
        await userManager.AddToRolesAsync(user, wanted.Except(current));
        // A new stamp makes the person's session pick up the change at its next validation.
        await userManager.UpdateSecurityStampAsync(user);
        return RoleChangeOutcome.Saved;
    }

    private System.Linq.Expressions.Expression<Func<TrainingUser, UserSummary>> ToSummary() =>
        u => new UserSummary(u.Id, u.FullName, u.Email ?? "",
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(name => name).ToList());
}
