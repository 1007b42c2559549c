using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;

namespace Training.Courses.People;

public enum MoveOutcome { Moved, Unchanged, NotFound, UnitNotAllowed }

/// <summary>A coordinator (within their units) or an admin moves one person to another unit; audited.</summary>
public sealed class PersonMoves(ICoursesDbContext db, AuditLog audit, Assignments.AssignmentSync assignments, TimeProvider clock)
{
    public async Task<MoveOutcome> MoveAsync(Actor actor, string personId, int unitId, CancellationToken cancellationToken)
    {
        var person = await db.PeopleIn(actor).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return MoveOutcome.NotFound;
        }
        var unit = await db.UnitsIn(actor).Where(u => u.Id == unitId && u.ArchivedAt == null)
            .Select(u => new { u.Id, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return MoveOutcome.UnitNotAllowed;
        }
        var from = await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Memberships.MoveAsync(db, person, unit.Id, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return MoveOutcome.Unchanged;
        }
        audit.Record(actor, AuditActions.PersonMoved, "person", person.Id, $"{person.Email}: {from ?? "-"} → {unit.Path}");
        await db.SaveChangesAsync(cancellationToken);
        await assignments.SyncPeopleAsync([person.Id], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MoveOutcome.Moved;
    }
}
