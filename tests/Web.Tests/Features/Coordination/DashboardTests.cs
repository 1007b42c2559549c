using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Assignments;
using Training.Courses.Enrolment;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Features.Coordination;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Coordination;

/// <summary>
/// The dashboard's figures against counts made with plain SQL in the test, on a generated organisation
/// where people are in every state; and the lists its figures link to.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;
    private Unit organisation = null!, east = null!, eastPost = null!, west = null!;
    private string coordinatorEmail = "";

    public DashboardTests() => app = new TrainingAppFactory().WithClock(clock);

    public async Task InitializeAsync()
    {
        organisation = await app.CreateUnitAsync("Border Police");
        east = await app.CreateUnitAsync("East", organisation);
        eastPost = await app.CreateUnitAsync("East Post", east);
        west = await app.CreateUnitAsync("West", organisation);
        var coordinator = await app.CreateUserAsync("Cleo Coordinator", Roles.Coordinator);
        coordinatorEmail = coordinator.Email!;
        await app.CoordinateAsync(organisation, coordinatorEmail);

        // 36 people over three units; the seed makes the mix of states the same on every run.
        var random = new Random(7);
        var units = new[] { east, eastPost, west };
        var people = new List<string>();
        for (var i = 0; i < 36; i++)
        {
            var person = await app.CreateUserAsync($"Person {i:00}", Roles.Learner);
            await app.PlaceAsync(units[i % 3], person.Id);
            people.Add(person.Id);
        }
        using (var scope = app.Services.CreateScope())
        {
            var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
            var (_, assignmentId) = await scope.ServiceProvider.GetRequiredService<AssignmentService>()
                .AssignAsync(Actor.CommandLine(), courseId, organisation.Id, [], new DateOnly(2026, 12, 20), null, default);
            var progress = scope.ServiceProvider.GetRequiredService<ProgressService>();
            var assignments = scope.ServiceProvider.GetRequiredService<AssignmentService>();
            foreach (var person in people)
            {
                switch (random.Next(5))
                {
                    case 0: // completed
                        await progress.MarkCompleteAsync(person, "welcome", "how-these-courses-work", default);
                        await progress.MarkCompleteAsync(person, "welcome", "words-that-respect-people", default);
                        break;
                    case 1: // started
                        await progress.RecordVisitAsync(person, "welcome", "how-these-courses-work", default);
                        break;
                    case 2: // exempt
                        await assignments.AdjustAsync(Actor.CommandLine(), assignmentId, person, null, "Seconded abroad", default);
                        break;
                    case 3: // extended past the date the clock moves to; some of them started
                        await assignments.AdjustAsync(Actor.CommandLine(), assignmentId, person, new DateOnly(2027, 2, 1), "Night shifts", default);
                        if (random.Next(2) == 0)
                        {
                            await progress.RecordVisitAsync(person, "welcome", "how-these-courses-work", default);
                        }
                        break;
                }
            }
        }
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero)); // past the due date: the untouched are overdue
    }

    [Fact]
    public async Task The_figures_per_course_and_per_unit_equal_counts_made_with_sql()
    {
        var dashboard = await DashboardAsync();

        var course = Assert.Single(dashboard.Courses);
        Assert.Equal(Expected(organisation), course.Tally);
        foreach (var unit in new[] { organisation, east, eastPost, west })
        {
            Assert.Equal(Expected(unit), dashboard.Units.Single(u => u.UnitId == unit.Id).Tally);
        }
        // Rolled up: East counts its post too; the organisation counts everyone.
        Assert.Equal(24, dashboard.Units.Single(u => u.UnitId == east.Id).People);
        Assert.Equal(36, dashboard.Units.Single(u => u.UnitId == organisation.Id).People);
        Assert.True(course.Tally.Overdue > 0 && course.Tally.Completed > 0 && course.Tally.Exempt > 0 && course.Tally.InProgress > 0, course.Tally.ToString());
    }

    [Fact]
    public async Task A_figure_links_to_exactly_the_people_behind_it()
    {
        var dashboard = await DashboardAsync();
        var overdue = dashboard.Courses.Single().Tally.Overdue;
        var client = await app.LoggedInClientAsync(coordinatorEmail);
        var courseId = dashboard.Courses.Single().CourseId;

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/coordinate"));
        Assert.Contains($"href=\"/coordinate/people?course={courseId}&state=Overdue\"", page);
        Assert.Contains("<svg class=\"chart\"", page);

        var list = WebUtility.HtmlDecode(await client.GetStringAsync($"/coordinate/people?course={courseId}&state=Overdue"));
        Assert.Contains($"{overdue} people", list);
        var expectedNames = app.WithDb(db => OverdueNames(db));
        Assert.Equal(overdue, expectedNames.Count);
        Assert.All(expectedNames, name => Assert.Contains(name, list));
    }

    [Fact]
    public async Task A_person_assigned_a_course_twice_counts_once_and_moves_with_their_unit()
    {
        var before = await DashboardAsync();
        Tally Of(DashboardViewModel dashboard, Unit unit) => dashboard.Units.Single(u => u.UnitId == unit.Id).Tally;
        var (person, email) = app.WithDb(db => db.Users.Where(u => u.UnitId == west.Id).OrderBy(u => u.FullName).Select(u => new { u.Id, u.Email }).AsEnumerable()
            .Select(u => (u.Id, u.Email!)).First());
        using (var scope = app.Services.CreateScope())
        {
            var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
            var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AssignmentService>()
                .AssignAsync(Actor.CommandLine(), courseId, null, [email], new DateOnly(2027, 6, 1), null, default);
            Assert.Equal(AssignOutcome.Done, outcome);
        }
        Assert.Equal(2, app.WithDb(db => db.AssignedCourses.Count(a => a.UserId == person)));

        var twice = await DashboardAsync();
        Assert.Equal(before.Courses.Single().Tally, twice.Courses.Single().Tally); // once, in the state of the more urgent assignment
        Assert.Equal(Of(before, west), Of(twice, west));

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(MoveOutcome.Moved, await scope.ServiceProvider.GetRequiredService<PersonMoves>().MoveAsync(Actor.CommandLine(), person, east.Id, default));
        }
        var moved = await DashboardAsync();
        Assert.Equal(Of(before, west).Assigned - 1, Of(moved, west).Assigned);
        Assert.Equal(Of(before, east).Assigned + 1, Of(moved, east).Assigned);
        Assert.Equal(Of(before, eastPost), Of(moved, eastPost));
        Assert.Equal(before.Courses.Single().Tally.Assigned, moved.Courses.Single().Tally.Assigned);
    }

    private async Task<DashboardViewModel> DashboardAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var userId = db.Users.Single(u => u.Email == coordinatorEmail).Id;
        var actor = await ActorResolver.ResolveAsync(db, userId, coordinatorEmail, null, false, true, default);
        return await scope.ServiceProvider.GetRequiredService<DashboardQuery>().GetAsync(actor, default);
    }

    /// <summary>The states counted with SQL for everyone in the unit and below (no renewal window is open here).</summary>
    private Tally Expected(Unit unit) => app.WithDb(db =>
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string scope = """
            FROM AssignedCourses a JOIN AspNetUsers u ON u.Id = a.UserId JOIN Units un ON un.Id = u.UnitId
            WHERE un.Lineage LIKE @lineage
            """;
        const string done = "EXISTS (SELECT 1 FROM CourseCompletions c WHERE c.UserId = a.UserId AND c.CourseId = a.CourseId)";
        const string late = "COALESCE(a.ExtendedTo, a.DueOn) < @today";
        const string started = """
            (EXISTS (SELECT 1 FROM Enrolments e WHERE e.UserId = a.UserId AND e.CourseId = a.CourseId AND e.LastVisitedAt IS NOT NULL)
             OR EXISTS (SELECT 1 FROM ModuleCompletions m JOIN Modules mo ON mo.Id = m.ModuleId WHERE m.UserId = a.UserId AND mo.CourseId = a.CourseId))
            """;
        int Count(string where)
        {
            var sql = "SELECT COUNT(*) AS Value " + scope + " AND " + where;
            return db.Database.SqlQueryRaw<int>(sql,
                new Microsoft.Data.Sqlite.SqliteParameter("@lineage", unit.Lineage + "%"),
                new Microsoft.Data.Sqlite.SqliteParameter("@today", today)).Single();
        }
        return new Tally(
            Count("1 = 1"),
            Count("a.ExemptAt IS NULL AND NOT " + done + " AND NOT " + late + " AND NOT " + started),
            Count("a.ExemptAt IS NULL AND NOT " + done + " AND NOT " + late + " AND " + started),
            Count("a.ExemptAt IS NULL AND " + done),
            Count("a.ExemptAt IS NULL AND NOT " + done + " AND " + late),
            Count("a.ExemptAt IS NOT NULL"));
    });

    private List<string> OverdueNames(TrainingDbContext db)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.AssignedCourses.Where(a => a.ExemptAt == null && (a.ExtendedTo ?? a.DueOn) < today
                && !db.CourseCompletions.Any(c => c.UserId == a.UserId && c.CourseId == a.CourseId))
            .Select(a => db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).First()).ToList();
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }
}
