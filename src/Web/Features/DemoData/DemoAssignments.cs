using Training.Courses.Assignments;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

internal sealed record DemoAssignment(Assignment Assignment, string Lineage);

/// <summary>
/// Per organisation: a course for everyone due some days after they came under it, one with a fixed date
/// (in the past for every other organisation, so some people are overdue), and one for its first two regions.
/// </summary>
internal static class DemoAssignments
{
    public static async Task<List<DemoAssignment>> CreateAsync(
        TrainingDbContext db, List<DemoUnit> units, List<DemoCourse> courses, string adminId, DateTime now, CancellationToken cancellationToken)
    {
        var made = new List<DemoAssignment>();
        var organisations = units.Where(u => u.Depth == 0).ToList();
        for (var k = 0; k < organisations.Count; k++)
        {
            var organisation = organisations[k];
            var picked = Enumerable.Range(3 * k, 3).Select(i => courses[i % courses.Count].Id).Distinct().ToList();
            var today = DateOnly.FromDateTime(now);
            made.Add(New(organisation, picked[0], null, 60, now.AddDays(-400)));
            if (picked.Count > 1)
            {
                made.Add(New(organisation, picked[1], today.AddDays(k % 2 == 0 ? -20 : 45), null, now.AddDays(-120)));
            }
            if (picked.Count > 2)
            {
                var regions = units.Where(u => u.Depth == 1 && u.Lineage.StartsWith(organisation.Lineage, StringComparison.Ordinal)).Take(2);
                made.AddRange(regions.Select(r => New(r, picked[2], null, 30, now.AddDays(-200))));
            }
        }
        db.Assignments.AddRange(made.Select(m => m.Assignment));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return made;

        DemoAssignment New(DemoUnit unit, int courseId, DateOnly? dueOn, int? dueDays, DateTime created) =>
            new(new Assignment { CourseId = courseId, UnitId = unit.Id, DueOn = dueOn, DueDays = dueDays, CreatedAt = created, CreatedByUserId = adminId }, unit.Lineage);
    }

    /// <summary>The assignments that reach a person in this unit: the unit's and every unit's above it.</summary>
    public static List<Assignment> Reaching(List<DemoAssignment> assignments, string? lineage) =>
        lineage is null ? [] : assignments.Where(a => lineage.StartsWith(a.Lineage, StringComparison.Ordinal)).Select(a => a.Assignment).ToList();
}
