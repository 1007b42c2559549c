using Microsoft.EntityFrameworkCore;
using Training.Courses.Enrolment;

namespace Training.Courses.Assignments;

/// <summary>
/// The one place that decides who is under which assignment: a person assignment names them; a unit
/// assignment reaches everyone whose current unit is that unit or below it. Called after anything that
/// changes that (an assignment made, a person moved or imported, a unit moved). People who come under an
/// assignment are enrolled; someone who moved out loses the assignment, their completed work is kept.
/// Adds and removes rows in the context; the caller saves.
/// </summary>
public sealed class AssignmentSync(ICoursesDbContext db, TimeProvider clock)
{
    private const int Chunk = 500;

    public async Task SyncPeopleAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var assignments = await db.Assignments.AsNoTracking().ToListAsync(cancellationToken);
        var lineages = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Lineage, cancellationToken);
        foreach (var chunk in userIds.Distinct().Chunk(Chunk))
        {
            var people = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.UnitId }).ToListAsync(cancellationToken);
            var existing = (await db.AssignedCourses.Where(a => chunk.Contains(a.UserId)).ToListAsync(cancellationToken)).ToLookup(a => a.UserId);
            var enrolled = (await db.Enrolments.Where(e => chunk.Contains(e.UserId)).Select(e => new { e.UserId, e.CourseId }).ToListAsync(cancellationToken))
                .Select(e => (e.UserId, e.CourseId)).ToHashSet();
            foreach (var person in people)
            {
                var lineage = person.UnitId is int unit ? lineages.GetValueOrDefault(unit) : null;
                var wanted = assignments.Where(a => a.UserId == person.Id
                    || (a.UnitId is int target && lineage is not null && lineage.StartsWith(lineages[target], StringComparison.Ordinal))).ToList();
                var mine = existing[person.Id].ToList();
                foreach (var assignment in wanted.Where(a => mine.All(m => m.AssignmentId != a.Id)))
                {
                    db.AssignedCourses.Add(new AssignedCourse
                    {
                        AssignmentId = assignment.Id, UserId = person.Id, CourseId = assignment.CourseId,
                        AssignedAt = now, DueOn = AssignmentRules.DueFor(assignment, now),
                    });
                }
                foreach (var courseId in wanted.Select(a => a.CourseId).Distinct().Where(c => enrolled.Add((person.Id, c))))
                {
                    db.Enrolments.Add(new CourseEnrolment { UserId = person.Id, CourseId = courseId, EnrolledAt = now });
                }
                // Moved out: the assignment goes (otherwise it would reopen at renewal under a unit they left);
                // completed work (completions, certificates) lives in its own tables and stays.
                foreach (var gone in mine.Where(m => wanted.All(a => a.Id != m.AssignmentId)))
                {
                    db.AssignedCourses.Remove(gone);
                }
            }
        }
    }

    /// <summary>Everyone an assignment reaches: the named person, or the people of the unit and below.</summary>
    public async Task SyncAssignmentAsync(Assignment assignment, CancellationToken cancellationToken)
    {
        if (assignment.UserId is not null)
        {
            await SyncPeopleAsync([assignment.UserId], cancellationToken);
            return;
        }
        var lineage = await db.Units.Where(u => u.Id == assignment.UnitId).Select(u => u.Lineage).SingleAsync(cancellationToken);
        var people = await db.Users.Where(u => db.Units.Any(unit => unit.Id == u.UnitId && unit.Lineage.StartsWith(lineage)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        await SyncPeopleAsync(people, cancellationToken);
    }

    /// <summary>After a unit moved: its people may have come under other assignments or left some.</summary>
    public async Task SyncUnitAsync(string lineage, CancellationToken cancellationToken)
    {
        var people = await db.Users.Where(u => db.Units.Any(unit => unit.Id == u.UnitId && unit.Lineage.StartsWith(lineage)))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        await SyncPeopleAsync(people, cancellationToken);
    }
}
