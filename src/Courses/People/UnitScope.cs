using Training.Courses.Organisations;

namespace Training.Courses.People;

/// <summary>
/// The one place that says what an actor may see. Coordinator pages, services and exports start their
/// queries here, so a new page cannot forget the scope: an object outside it is simply not found.
/// </summary>
public static class UnitScope
{
    /// <summary>
    /// The people the actor may see: everyone for admins, else those whose unit is in scope. Anonymised
    /// accounts are nobody any more: their rows stay for statistics but are never listed.
    /// </summary>
    public static IQueryable<TrainingUser> PeopleIn(this ICoursesDbContext db, Actor actor)
    {
        var people = db.Users.Where(u => u.AnonymisedAt == null);
        if (actor.SeesEverything)
        {
            return people;
        }
        var ids = actor.UnitIds.ToArray();
        return people.Where(u => u.UnitId != null && ids.Contains(u.UnitId.Value));
    }

    /// <summary>
    /// The assigned courses of the people the actor may see, by the unit copied onto each row (kept in step
    /// with the person's by <see cref="Assignments.AssignmentFacts"/>), so counts read one table.
    /// </summary>
    public static IQueryable<Assignments.AssignedCourse> AssignedCoursesIn(this ICoursesDbContext db, Actor actor)
    {
        // A deleted (anonymised) person is nobody to chase: their rows stay for the statistics, out of every
        // count, list and export of assigned training, as they are out of the people lists.
        var assigned = db.AssignedCourses.Where(a => !db.Users.Any(u => u.Id == a.UserId && u.AnonymisedAt != null));
        if (actor.SeesEverything)
        {
            return assigned;
        }
        var ids = actor.UnitIds.ToArray();
        return assigned.Where(a => a.UnitId != null && ids.Contains(a.UnitId.Value));
    }

    /// <summary>The units the actor may see.</summary>
    public static IQueryable<Unit> UnitsIn(this ICoursesDbContext db, Actor actor)
    {
        if (actor.SeesEverything)
        {
            return db.Units;
        }
        var ids = actor.UnitIds.ToArray();
        return db.Units.Where(u => ids.Contains(u.Id));
    }
}
