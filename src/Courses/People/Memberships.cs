using Microsoft.EntityFrameworkCore;

namespace Training.Courses.People;

/// <summary>The one way a person changes unit: the open history row closes and a new one opens.</summary>
public static class Memberships
{
    /// <summary>Puts the person in the unit from now (nothing when already there). Saved by the caller.</summary>
    /// <returns>Whether anything changed.</returns>
    public static bool Move(ICoursesDbContext db, TrainingUser person, int unitId, DateTime now, UnitMembership? open)
    {
        if (person.UnitId == unitId)
        {
            return false;
        }
        if (open is not null)
        {
            open.Until = now;
        }
        person.UnitId = unitId;
        db.UnitMemberships.Add(new UnitMembership { UserId = person.Id, UnitId = unitId, From = now });
        return true;
    }

    public static async Task<bool> MoveAsync(ICoursesDbContext db, TrainingUser person, int unitId, DateTime now, CancellationToken cancellationToken)
    {
        if (person.UnitId == unitId)
        {
            return false;
        }
        var open = await db.UnitMemberships.FirstOrDefaultAsync(m => m.UserId == person.Id && m.Until == null, cancellationToken);
        return Move(db, person, unitId, now, open);
    }
}
