using Training.Courses.People;

namespace Training.Courses.Audit;

/// <summary>
/// Adds audit entries to the caller's unit of work, so an entry commits with the change it records.
/// ExecuteUpdate/ExecuteDelete bypass the change tracker: callers using them add the entry and save
/// inside the same transaction.
/// </summary>
public sealed class AuditLog(ICoursesDbContext db, TimeProvider clock)
{
    public AuditEntry Record(Actor actor, string action, string targetType, string? targetId, string detail)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = Truncate(actor.Name, 256),
            IpAddress = actor.IpAddress,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Detail = Truncate(detail, 2000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
