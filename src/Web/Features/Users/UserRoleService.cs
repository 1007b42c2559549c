using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
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
public sealed class UserRoleService(TrainingDbContext db, UserManager<TrainingUser> userManager, AuditLog auditLog)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<UserSummary>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => u.AnonymisedAt == null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim()}%";
            users = users.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.FullName, pattern));
        }
        return await users.OrderBy(u => u.Email).Take(PageSize).Select(ToSummary()).ToListAsync(cancellationToken);
    }

    public Task<UserSummary?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == id && u.AnonymisedAt == null).Select(ToSummary()).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Sets the person's roles and records the change in the audit log, in one transaction: UserManager saves
    /// through the same scoped context, so its writes join it and the entry commits with them or not at all.
    /// </summary>
    public async Task<RoleChangeOutcome> SetRolesAsync(Actor actor, string id, IEnumerable<string> requestedRoles, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id);
        if (user is null || user.AnonymisedAt is not null)
        {
            return RoleChangeOutcome.NotFound;
        }
        var wanted = requestedRoles.Intersect(Roles.All).ToHashSet();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = (await userManager.GetRolesAsync(user)).ToHashSet();
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin)
            && (await userManager.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return RoleChangeOutcome.WouldRemoveLastAdmin;
        }
        cancellationToken.ThrowIfCancellationRequested();

        Check(await userManager.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await userManager.AddToRolesAsync(user, wanted.Except(current)));
        // A new stamp makes the person's session pick up the change at its next validation.
        Check(await userManager.UpdateSecurityStampAsync(user));
        if (!current.SetEquals(wanted))
        {
            auditLog.Record(actor, AuditActions.RolesChanged, "person", user.Id, $"{RoleList(current)} → {RoleList(wanted)}");
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return RoleChangeOutcome.Saved;
    }

    private static string RoleList(HashSet<string> roles) =>
        roles.Count == 0 ? "none" : string.Join(", ", Roles.All.Where(roles.Contains));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Throwing disposes the transaction uncommitted: no role changes without their audit entry.
            throw new InvalidOperationException("Changing roles failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private System.Linq.Expressions.Expression<Func<TrainingUser, UserSummary>> ToSummary() =>
        u => new UserSummary(u.Id, u.FullName, u.Email ?? "",
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(name => name).ToList());
}
