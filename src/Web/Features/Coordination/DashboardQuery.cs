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
        var units = await db.UnitsIn(actor).AsNoTracking().Where(u => u.ArchivedAt == null || db.Users.Any(p => p.UnitId == u.Id))
            .Select(u => new { u.Id, u.Name, u.Path, u.Lineage }).ToListAsync(cancellationToken);
        var lineageOf = units.ToDictionary(u => u.Id, u => u.Lineage);
        var titles = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);

        // Counted in the database, in one pass: one state per person and course, then per unit, course and state.
        var counts = await assignmentStates.StatesOf(db.AssignedCoursesIn(actor))
            .GroupBy(s => new { s.UnitId, s.CourseId, s.State })
            .Select(g => new { g.Key.UnitId, g.Key.CourseId, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken);
        var headcountByUnit = await people.GroupBy(p => p.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var courses = counts.GroupBy(c => c.CourseId)
            .Select(g => new CourseFigures(g.Key, titles[g.Key], Tally.Of(g.Select(c => (c.State, c.Count)))))
            .OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();

        // Each person and each assigned course counts in their unit and every unit above it that is in scope.
        var tallies = units.ToDictionary(u => u.Id, _ => new List<(AssignmentState, int)>());
        var headcount = units.ToDictionary(u => u.Id, _ => 0);
        IEnumerable<int> UnitsAbove(int? unit) =>
            unit is int id && lineageOf.TryGetValue(id, out var lineage)
                ? lineage.Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Select(part => int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)).Where(tallies.ContainsKey)
                : [];
        foreach (var group in headcountByUnit)
        {
            foreach (var unit in UnitsAbove(group.UnitId))
            {
                headcount[unit] += group.Count;
            }
        }
        foreach (var group in counts)
        {
            foreach (var unit in UnitsAbove(group.UnitId))
            {
                tallies[unit].Add((group.State, group.Count));
            }
        }
        var top = units.Count == 0 ? 0 : units.Min(u => Depth(u.Lineage));
        var unitFigures = units.OrderBy(u => u.Path, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => new UnitFigures(u.Id, u.Name, u.Path, Depth(u.Lineage) - top, headcount[u.Id], Tally.Of(tallies[u.Id])))
            .ToList();

        // Counted in the database: one pass over the certificates expiring in the next 90 days.
        var (in30, in60) = (now.AddDays(30), now.AddDays(60));
        var expiring = await db.CertificatesIn(actor).Expiring(db, now, now.AddDays(90)).GroupBy(_ => 1)
            .Select(g => new { In30 = g.Count(c => c.ExpiresAt <= in30), In60 = g.Count(c => c.ExpiresAt <= in60), In90 = g.Count() })
            .FirstOrDefaultAsync(cancellationToken);

        var firstMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var months = await CompletionsPerMonthAsync(actor, people, firstMonth, cancellationToken);

        return new DashboardViewModel(headcountByUnit.Sum(g => g.Count), courses, unitFigures,
            [new ExpiringCount(30, expiring?.In30 ?? 0), new ExpiringCount(60, expiring?.In60 ?? 0), new ExpiringCount(90, expiring?.In90 ?? 0)],
            months);
    }

    /// <summary>
    /// Courses completed per month over twelve months. Everyone's: each month counted on its range of the
    /// (CompletedAt, UserId) index, without reading a row. A scope's: the dates of its people's completions
    /// (read by person, a few per person), put in months here.
    /// </summary>
    private async Task<List<MonthCount>> CompletionsPerMonthAsync(Actor actor, IQueryable<Courses.People.TrainingUser> people, DateTime firstMonth, CancellationToken cancellationToken)
    {
        var months = Enumerable.Range(0, 12).Select(firstMonth.AddMonths).ToList();
        if (actor.SeesEverything)
        {
            var counts = new List<MonthCount>();
            foreach (var month in months)
            {
                var until = month.AddMonths(1);
                counts.Add(new MonthCount(DateOnly.FromDateTime(month),
                    await db.CourseCompletions.CountAsync(c => c.CompletedAt >= month && c.CompletedAt < until, cancellationToken)));
            }
            return counts;
        }
        var ids = people.Select(p => p.Id);
        var dates = await db.CourseCompletions.Where(c => ids.Contains(c.UserId) && c.CompletedAt >= firstMonth)
            .Select(c => c.CompletedAt).ToListAsync(cancellationToken);
        return [.. months.Select(m => new MonthCount(DateOnly.FromDateTime(m), dates.Count(d => d.Year == m.Year && d.Month == m.Month)))];
    }

    private static int Depth(string lineage) => lineage.Count(c => c == '/') - 1;
}
