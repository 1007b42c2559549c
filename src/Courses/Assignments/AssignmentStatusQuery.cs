using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Assignments;

/// <summary>An assigned course of one person with its state from <see cref="AssignmentRules"/>.</summary>
public sealed record AssignedCourseStatus(AssignedCourse Assigned, AssignmentStatus Status, DateTime? CompletedAt);

/// <summary>
/// Loads what <see cref="AssignmentRules"/> needs for many assigned courses in one query (the latest
/// completion, the last visit and the last module completed, as correlated subqueries) and applies the rules.
/// </summary>
public sealed class AssignmentStatusQuery(ICoursesDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignedCourseStatus>> StatusesAsync(IQueryable<AssignedCourse> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = await rows.AsNoTracking()
            .Select(a => new
            {
                Assigned = a,
                CompletedAt = db.CourseCompletions.Where(c => c.UserId == a.UserId && c.CourseId == a.CourseId).Max(c => (DateTime?)c.CompletedAt),
                RenewableFrom = db.CourseCompletions.Where(c => c.UserId == a.UserId && c.CourseId == a.CourseId)
                    .OrderByDescending(c => c.CompletedAt).Select(c => c.RenewableFrom).FirstOrDefault(),
                ExpiresAt = db.CourseCompletions.Where(c => c.UserId == a.UserId && c.CourseId == a.CourseId)
                    .OrderByDescending(c => c.CompletedAt).Select(c => c.ExpiresAt).FirstOrDefault(),
                LastVisit = db.Enrolments.Where(e => e.UserId == a.UserId && e.CourseId == a.CourseId).Max(e => e.LastVisitedAt),
                LastModule = db.ModuleCompletions.Where(m => m.UserId == a.UserId && db.Modules.Any(x => x.Id == m.ModuleId && x.CourseId == a.CourseId))
                    .Max(m => (DateTime?)m.CompletedAt),
            })
            .ToListAsync(cancellationToken);
        return facts.Select(f =>
        {
            var completion = f.CompletedAt is { } completed
                ? new CompletionFacts(completed, f.RenewableFrom, f.ExpiresAt is { } expires ? DateOnly.FromDateTime(expires) : null)
                : null;
            var after = AssignmentRules.StartedAfter(completion, now);
            var started = f.LastVisit > after || f.LastModule > after;
            return new AssignedCourseStatus(f.Assigned, AssignmentRules.StatusOf(f.Assigned, completion, started, now), f.CompletedAt);
        }).ToList();
    }

    /// <summary>
    /// One state per person and course when several assignments give the same course (a unit's and a
    /// person's): the most urgent one, so a person is counted, listed and reminded once per course.
    /// </summary>
    public static IReadOnlyList<AssignedCourseStatus> MostUrgentPerPersonAndCourse(IEnumerable<AssignedCourseStatus> statuses) =>
        [.. statuses.GroupBy(s => (s.Assigned.UserId, s.Assigned.CourseId))
            .Select(g => g.OrderBy(s => Urgency(s.Status.State)).ThenBy(s => s.Status.DueOn).First())];

    private static int Urgency(AssignmentState state) => state switch
    {
        AssignmentState.Overdue => 0,
        AssignmentState.NotStarted or AssignmentState.InProgress => 1,
        AssignmentState.Completed => 2,
        _ => 3,
    };
}
