using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Assignments;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Assignments;

/// <summary>
/// The state rule runs in the database for dashboards and in memory for lists: the two must agree on every
/// combination of facts, at moments around the day's edges.
/// </summary>
public sealed class AssignmentRuleInDatabaseTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly int[] Dues = [-1, 1];
    private static readonly int?[] Extensions = [null, 0, 2];
    private static readonly bool[] Exemptions = [false, true];

    [Fact]
    public async Task The_rule_gives_the_same_state_in_SQLite_as_in_memory_for_every_combination_of_facts()
    {
        using var app = new TrainingAppFactory();
        var person = await app.CreateUserAsync("Rosa Rule", Roles.Learner);
        var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
        DateOnly Day(int days) => DateOnly.FromDateTime(Start.AddDays(days));
        var rows = new List<AssignedCourse>();
        foreach (var due in new[] { -1, 0, 1 })
        foreach (var extended in new int?[] { null, -1, 0, 2 })
        foreach (var exempt in new[] { false, true })
        foreach (var (completed, renewable, expires) in new (int?, int?, int?)[] { (null, null, null), (-300, null, null), (-300, -2, 1), (-300, -2, -1), (-300, 3, 5), (-900, -400, -300) })
        foreach (var activity in new int?[] { null, -350, -1 })
        {
            rows.Add(new AssignedCourse
            {
                UserId = person.Id, CourseId = courseId, AssignedAt = Start.AddDays(-30), DueOn = Day(due),
                ExtendedTo = extended is int e ? Day(e) : null, ExemptAt = exempt ? Start.AddDays(-5) : null,
                CompletedAt = completed is int c ? Start.AddDays(c) : null, RenewableFrom = renewable is int r ? Start.AddDays(r) : null,
                CertificateExpiresAt = expires is int x ? Start.AddDays(x).AddHours(5) : null,
                LastActivityAt = activity is int a ? Start.AddDays(a) : null,
            });
        }
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            foreach (var row in rows)
            {
                var assignment = new Assignment { CourseId = courseId, UserId = person.Id, DueOn = row.DueOn, CreatedAt = Start };
                db.Assignments.Add(assignment);
                await db.SaveChangesAsync();
                row.AssignmentId = assignment.Id;
            }
            db.AssignedCourses.AddRange(rows);
            // Written as they are: the facts are the test's, not refreshed from (absent) completions.
            await SaveWithoutRefreshAsync(db);
        }

        var moments = new[] { Start, Start.Date, Start.Date.AddDays(1).AddTicks(-1), Start.AddDays(2), Start.AddDays(4), Start.AddDays(6) };
        var seen = new HashSet<AssignmentState>();
        foreach (var now in moments)
        {
            var stored = app.WithDb(db => db.AssignedCourses.AsNoTracking().OrderBy(a => a.Id).ToList());
            var sql = app.WithDb(db => db.AssignedCourses.AsNoTracking().OrderBy(a => a.Id).Select(AssignmentRules.StateAt(now)).ToList());
            Assert.Equal(rows.Count, sql.Count);
            for (var i = 0; i < stored.Count; i++)
            {
                var expected = AssignmentRules.StateOf(stored[i], now);
                Assert.True(expected == sql[i], $"row {stored[i].Id} at {now:O}: in memory {expected}, in SQLite {sql[i]}");
                seen.Add(expected);
            }
        }
        Assert.Equal(Enum.GetValues<AssignmentState>().ToHashSet(), seen); // every state was reached
    }

    [Fact]
    public async Task The_principal_row_of_a_person_and_course_has_the_most_urgent_state_at_every_moment()
    {
        using var app = new TrainingAppFactory();
        var person = await app.CreateUserAsync("Paz Principal", Roles.Learner);
        var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
        DateOnly Day(int days) => DateOnly.FromDateTime(Start.AddDays(days));
        var terms = (from due in Dues from extended in Extensions from exempt in Exemptions select (due, extended, exempt)).ToList();
        var facts = new (int?, int?, int?, int?)[] { (null, null, null, null), (null, null, null, -1), (-300, null, null, null), (-300, -2, 1, -1), (-300, -2, -1, null), (-300, 3, 5, null), (-900, -400, -300, -350) };
        // Each pair of assignments of one "course" (a course id of its own, so pairs do not meet) shares the
        // person's facts and differs in due date, extension and exemption; the order of the pair matters for ties.
        var rows = new List<AssignedCourse>();
        var group = 100_000;
        foreach (var (completed, renewable, expires, activity) in facts)
        foreach (var first in terms)
        foreach (var second in terms)
        {
            group++;
            foreach (var (due, extended, exempt) in (ReadOnlySpan<(int, int?, bool)>)[first, second])
            {
                rows.Add(new AssignedCourse
                {
                    UserId = person.Id, CourseId = group, AssignedAt = Start.AddDays(-30), DueOn = Day(due),
                    ExtendedTo = extended is int e ? Day(e) : null, ExemptAt = exempt ? Start.AddDays(-5) : null,
                    CompletedAt = completed is int c ? Start.AddDays(c) : null, RenewableFrom = renewable is int r ? Start.AddDays(r) : null,
                    CertificateExpiresAt = expires is int x ? Start.AddDays(x).AddHours(5) : null, LastActivityAt = activity is int a ? Start.AddDays(a) : null,
                });
            }
        }
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            var assignment = new Assignment { CourseId = courseId, UnitId = null, UserId = person.Id, DueOn = Day(0), CreatedAt = Start };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IX_AssignedCourses_AssignmentId_UserId"); // many rows of one assignment, here only
            rows.ForEach(r => r.AssignmentId = assignment.Id);
            db.AssignedCourses.AddRange(rows);
            await SaveWithoutRefreshAsync(db);
            await AssignmentFacts.MarkPrincipalAsync(db, db.AssignedCourses, CancellationToken.None);
        }

        var stored = app.WithDb(db => db.AssignedCourses.AsNoTracking().ToList()).GroupBy(a => a.CourseId).ToList();
        Assert.Equal(rows.Count / 2, stored.Count);
        var moments = new[] { Start, Start.Date, Start.Date.AddDays(1).AddTicks(-1), Start.AddDays(2), Start.AddDays(4), Start.AddDays(6) };
        var principalStates = new HashSet<AssignmentState>();
        foreach (var pair in stored)
        {
            var principal = Assert.Single(pair, a => a.IsPrincipal);
            foreach (var now in moments)
            {
                var mostUrgent = pair.Min(a => AssignmentRules.StateOf(a, now));
                var state = AssignmentRules.StateOf(principal, now);
                Assert.True(mostUrgent == state, $"pair {pair.Key} at {now:O}: principal row {principal.Id} is {state}, the most urgent is {mostUrgent}");
                principalStates.Add(state);
            }
        }
        Assert.Equal(Enum.GetValues<AssignmentState>().ToHashSet(), principalStates);
    }

    private static async Task SaveWithoutRefreshAsync(TrainingDbContext db)
    {
        // The context copies facts after a save that adds assigned courses; insert through SQL instead.
        var pending = db.ChangeTracker.Entries<AssignedCourse>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var a in pending)
        {
            await db.Database.ExecuteSqlAsync($@"INSERT INTO AssignedCourses (AssignmentId, UserId, CourseId, AssignedAt, DueOn, ExtendedTo, ExemptAt, CompletedAt, RenewableFrom, CertificateExpiresAt, LastActivityAt)
                VALUES ({a.AssignmentId}, {a.UserId}, {a.CourseId}, {a.AssignedAt}, {a.DueOn}, {a.ExtendedTo}, {a.ExemptAt}, {a.CompletedAt}, {a.RenewableFrom}, {a.CertificateExpiresAt}, {a.LastActivityAt})");
            db.Entry(a).State = EntityState.Detached;
        }
    }
}
