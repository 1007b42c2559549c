using Microsoft.EntityFrameworkCore;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Coordination;

public sealed record LearnerRow(string FullName, string Email, bool EmailConfirmed, DateTime CreatedAt);

/// <summary>The learners a coordinator follows, newest first.</summary>
public sealed class LearnerListQuery(TrainingDbContext db)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<LearnerRow>> ListAsync(CancellationToken cancellationToken)
    {
        var learnerRoleId = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && learnerRoleId.Contains(ur.RoleId)))
            .OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Take(PageSize)
            .Select(u => new LearnerRow(u.FullName, u.Email ?? "", u.EmailConfirmed, u.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
