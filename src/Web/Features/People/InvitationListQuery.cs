using Microsoft.EntityFrameworkCore;
using Training.Courses;
using Training.Courses.People;

namespace Training.Web.Features.People;

public sealed record WaitingInvitationRow(string UserId, string FullName, string Email, string? UnitPath, DateTime SentAt, DateTime ExpiresAt);

/// <summary>People in the actor's scope who were invited and have not chosen a password yet, by name.</summary>
public sealed class InvitationListQuery(ICoursesDbContext db)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<WaitingInvitationRow>> ListAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.PeopleIn(actor).AsNoTracking()
            .Where(u => u.PasswordHash == null && db.Invitations.Any(i => i.UserId == u.Id)
                        && !db.Invitations.Any(i => i.UserId == u.Id && i.AcceptedAt != null))
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Take(Limit)
            .Select(u => new WaitingInvitationRow(
                u.Id, u.FullName, u.Email ?? "",
                db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Path).FirstOrDefault(),
                db.Invitations.Where(i => i.UserId == u.Id).Max(i => i.CreatedAt),
                db.Invitations.Where(i => i.UserId == u.Id).Max(i => i.ExpiresAt)))
            .ToListAsync(cancellationToken);
}
