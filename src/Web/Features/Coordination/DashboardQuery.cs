using Microsoft.EntityFrameworkCore;
using Training.Assessment.Certificates;
using Training.Courses.Assignments;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Coordination;

/// <summary>
/// The coordinator's dashboard: assigned training per course and per unit (totals rolled up the tree),
/// certificates expiring soon and completions over time, for the people in the actor's scope only. The
/// states come from <see cref="AssignmentRules"/>, the same as every list the figures link to.
/// </summary>
public sealed class DashboardQuery(TrainingDbContext db, AssignmentStatusQuery assignmentStates, TimeProvider clock)
{
    public async Task<DashboardViewModel> GetAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = db.PeopleIn(actor);
        var unitOf = await people.AsNoTracking().Select(p => new { p.Id, p.UnitId }).ToDictionaryAsync(p => p.Id, p => p.UnitId, cancellationToken);
        var units = await db.UnitsIn(actor).AsNoTracking().Where(u => u.ArchivedAt == null || db.Users.Any(p => p.UnitId == u.Id))
            .Select(u => new { u.Id, u.Name, u.Path, u.Lineage }).ToListAsync(cancellationToken);
        var lineageOf = units.ToDictionary(u => u.Id, u => u.Lineage);
        var statuses = AssignmentStatusQuery.MostUrgentPerPersonAndCourse(
            await assignmentStates.StatusesAsync(db.AssignedCourses.Where(a => people.Any(p => p.Id == a.UserId)), cancellationToken));
        var titles = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);

        var courses = statuses.GroupBy(s => s.Assigned.CourseId)
            .Select(g => new CourseFigures(g.Key, titles[g.Key], Tally.Of(g.Select(s => s.Status.State))))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();

        // Each person and each assigned course counts in their unit and every unit above it that is in scope.
        var tallies = units.ToDictionary(u => u.Id, _ => new List<AssignmentState>());
        var headcount = units.ToDictionary(u => u.Id, _ => 0);
        IEnumerable<int> UnitsAbove(string? personId)
        {
            if (personId is null || unitOf.GetValueOrDefault(personId) is not int unit || !lineageOf.TryGetValue(unit, out var lineage))
            {
                return [];
            }
            return lineage.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Where(tallies.ContainsKey);
        }
        foreach (var person in unitOf.Keys)
        {
            foreach (var unit in UnitsAbove(person))
            {
                headcount[unit]++;
            }
        }
        foreach (var status in statuses)
        {
            foreach (var unit in UnitsAbove(status.Assigned.UserId))
            {
                tallies[unit].Add(status.Status.State);
            }
        }
        var top = units.Count == 0 ? 0 : units.Min(u => Depth(u.Lineage));
        var unitFigures = units.OrderBy(u => u.Path, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => new UnitFigures(u.Id, u.Name, u.Path, Depth(u.Lineage) - top, headcount[u.Id], Tally.Of(tallies[u.Id])))
            .ToList();

        var soon = now.AddDays(90);
        var expiries = await db.CertificatesIn(actor).AsNoTracking()
            .Expiring(db, now, soon).Select(c => c.ExpiresAt!.Value).ToListAsync(cancellationToken);
        var firstMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var completions = await db.CourseCompletions.AsNoTracking()
            .Where(c => c.CompletedAt >= firstMonth && people.Any(p => p.Id == c.UserId)).Select(c => c.CompletedAt).ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i))
            .Select(m => new MonthCount(DateOnly.FromDateTime(m), completions.Count(c => c.Year == m.Year && c.Month == m.Month)))
            .ToList();

        return new DashboardViewModel(unitOf.Count, courses, unitFigures,
            [.. ExpiryWindows.Select(days => new ExpiringCount(days, expiries.Count(e => e <= now.AddDays(days))))],
            months);
    }

    private static readonly int[] ExpiryWindows = [30, 60, 90];

    private static int Depth(string lineage) => lineage.Count(c => c == '/') - 1;
}
