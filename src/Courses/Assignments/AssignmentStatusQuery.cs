using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Assignments;

/// <summary>An assigned course of one person with its state from <see cref="AssignmentRules"/>.</summary>
public sealed record AssignedCourseStatus(AssignedCourse Assigned, AssignmentStatus Status, DateTime? CompletedAt);

/// <summary>Loads what <see cref="AssignmentRules"/> needs for many assigned courses at once (a few set queries).</summary>
public sealed class AssignmentStatusQuery(ICoursesDbContext db, TimeProvider clock)
{
    private const int Chunk = 500;

    public async Task<IReadOnlyList<AssignedCourseStatus>> StatusesAsync(IQueryable<AssignedCourse> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assigned = await rows.AsNoTracking().ToListAsync(cancellationToken);
        var result = new List<AssignedCourseStatus>(assigned.Count);
        foreach (var chunk in assigned.Chunk(Chunk))
        {
            var users = chunk.Select(a => a.UserId).Distinct().ToArray();
            var courses = chunk.Select(a => a.CourseId).Distinct().ToArray();
            var completions = (await db.CourseCompletions.AsNoTracking()
                    .Where(c => users.Contains(c.UserId) && courses.Contains(c.CourseId))
                    .Select(c => new { c.UserId, c.CourseId, c.CompletedAt, c.RenewableFrom, c.ExpiresAt }).ToListAsync(cancellationToken))
                .GroupBy(c => (c.UserId, c.CourseId))
                .ToDictionary(g => g.Key, g => g.MaxBy(c => c.CompletedAt)!);
            var visits = (await db.Enrolments.AsNoTracking().Where(e => users.Contains(e.UserId) && courses.Contains(e.CourseId))
                    .Select(e => new { e.UserId, e.CourseId, e.LastVisitedAt }).ToListAsync(cancellationToken))
                .ToDictionary(e => (e.UserId, e.CourseId), e => e.LastVisitedAt);
            var lastModuleDone = (await db.ModuleCompletions.AsNoTracking()
                    .Where(c => users.Contains(c.UserId) && courses.Contains(db.Modules.Where(m => m.Id == c.ModuleId).Select(m => m.CourseId).First()))
                    .GroupBy(c => new { c.UserId, CourseId = db.Modules.Where(m => m.Id == c.ModuleId).Select(m => m.CourseId).First() })
                    .Select(g => new { g.Key.UserId, g.Key.CourseId, Last = g.Max(c => c.CompletedAt) }).ToListAsync(cancellationToken))
                .ToDictionary(c => (c.UserId, c.CourseId), c => c.Last);
            foreach (var row in chunk)
            {
                var key = (row.UserId, row.CourseId);
                var completion = completions.GetValueOrDefault(key);
                var facts = completion is null ? null
                    : new CompletionFacts(completion.CompletedAt, completion.RenewableFrom, completion.ExpiresAt is { } expires ? DateOnly.FromDateTime(expires) : null);
                var after = AssignmentRules.StartedAfter(facts, now);
                var started = visits.GetValueOrDefault(key) > after || lastModuleDone.GetValueOrDefault(key) > after;
                result.Add(new AssignedCourseStatus(row, AssignmentRules.StatusOf(row, facts, started, now), completion?.CompletedAt));
            }
        }
        return result;
    }
}
