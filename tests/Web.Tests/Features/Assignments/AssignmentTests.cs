using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Assignments;
using Training.Courses.Audit;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Assignments;

/// <summary>Assigned training through the coordinator's pages, with the site's clock under the test's control.</summary>
public sealed class AssignmentTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public AssignmentTests() => app = new TrainingAppFactory().WithClock(clock);

    [Fact]
    public async Task A_unit_assignment_reaches_the_units_below_and_people_who_join_later_and_comes_first_at_home()
    {
        var early = await app.CreateUserAsync("Ella Early", Roles.Learner);
        var (unit, coordinator) = await app.CoordinatorOfAsync();
        var post = await app.CreateUnitAsync("Post", unit);
        await app.PlaceAsync(post, early.Id);
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        var id = await AssignAsync(client, unit.Id, dueDays: 30);

        Assert.True(app.WithDb(db => db.Enrolments.Any(e => e.UserId == early.Id && e.Course.Slug == "welcome")));
        var late = await app.CreateUserAsync("Liam Later", Roles.Learner);
        clock.Advance(TimeSpan.FromDays(10));
        client = await app.LoggedInClientAsync(coordinator.Email!); // the log-in cookie has expired meanwhile
        var move = await client.PostFormAsync("/coordinate", new Dictionary<string, string> { ["unitId"] = Key(post.Id) }, $"/coordinate/people/{late.Id}/move");
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode); // not in the coordinator's units yet: an admin places them
        await MoveAsAdminAsync(late.Id, post.Id);

        var rows = app.WithDb(db => db.AssignedCourses.Where(a => a.AssignmentId == id).OrderBy(a => a.AssignedAt).ToList());
        Assert.Equal([early.Id, late.Id], rows.Select(r => r.UserId));
        Assert.Equal(new DateOnly(2026, 12, 31), rows[0].DueOn);
        Assert.Equal(new DateOnly(2027, 1, 10), rows[1].DueOn); // relative to when Liam joined

        var home = WebUtility.HtmlDecode(await (await app.LoggedInClientAsync(late.Email!)).GetStringAsync("/learn"));
        Assert.Contains("Assigned by your organisation:", home);
        Assert.Contains("Not started", home);
        Assert.Contains("Due 10 Jan 2027", home);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.AssignmentCreated && e.TargetId == Key(id))));
    }

    [Fact]
    public async Task A_fixed_due_date_turns_overdue_the_day_after_and_completion_ends_it()
    {
        var done = await app.CreateUserAsync("Dora Done", Roles.Learner);
        var late = await app.CreateUserAsync("Lars Late", Roles.Learner);
        var (unit, coordinator) = await app.CoordinatorOfAsync(done.Id, late.Id);
        var client = await app.LoggedInClientAsync(coordinator.Email!);
        var id = await AssignAsync(client, unit.Id, dueOn: "2026-12-15");

        await app.CompleteWelcomeAsync(done.Id);
        clock.Advance(TimeSpan.FromDays(14)); // 15 Dec: due today, not yet overdue
        Assert.Equal(AssignmentState.NotStarted, State(id, late.Id));
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(AssignmentState.Overdue, State(id, late.Id));
        Assert.Equal(AssignmentState.Completed, State(id, done.Id));
        client = await app.LoggedInClientAsync(coordinator.Email!);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/coordinate/assignments/{id}"));
        Assert.Contains("2 people: 1 completed, 1 overdue, 0 exempt.", page);
    }

    [Fact]
    public async Task The_assignment_reopens_in_the_renewal_window_due_on_the_expiry_and_closes_when_renewed()
    {
        var holder = await app.CreateUserAsync("Rita Renew", Roles.Learner);
        var (unit, coordinator) = await app.CoordinatorOfAsync(holder.Id);
        var id = await AssignAsync(await app.LoggedInClientAsync(coordinator.Email!), unit.Id, dueDays: 30);
        await app.CompleteWelcomeAsync(holder.Id);
        var expires = app.WithDb(db => db.CourseCompletions.Single(c => c.UserId == holder.Id).ExpiresAt!.Value);
        Assert.Equal(AssignmentState.Completed, State(id, holder.Id));

        clock.SetUtcNow(new DateTimeOffset(expires.AddDays(-30), TimeSpan.Zero)); // inside the 90-day window
        var reopened = Status(id, holder.Id);
        Assert.Equal(AssignmentState.NotStarted, reopened.State);
        Assert.True(reopened.Recertifying);
        Assert.Equal(DateOnly.FromDateTime(expires), reopened.DueOn);

        // Renewal: a new completion whose own window opens later.
        app.WithDb(db =>
        {
            db.CourseCompletions.Add(new CourseCompletion
            {
                UserId = holder.Id, CourseId = db.Courses.Single(c => c.Slug == "welcome").Id, Round = 2,
                CompletedAt = clock.GetUtcNow().UtcDateTime, RenewableFrom = expires.AddYears(2).AddDays(-90), ExpiresAt = expires.AddYears(2),
            });
            return db.SaveChanges();
        });
        Assert.Equal(AssignmentState.Completed, State(id, holder.Id));
    }

    [Fact]
    public async Task A_coordinator_exempts_or_extends_with_a_reason_audited_and_shown()
    {
        var exempt = await app.CreateUserAsync("Emil Exempt", Roles.Learner);
        var extended = await app.CreateUserAsync("Xenia Extended", Roles.Learner);
        var (unit, coordinator) = await app.CoordinatorOfAsync(exempt.Id, extended.Id);
        var client = await app.LoggedInClientAsync(coordinator.Email!);
        var id = await AssignAsync(client, unit.Id, dueOn: "2026-12-10");
        var page = $"/coordinate/assignments/{id}";

        var noReason = await client.PostFormAsync(page, new Dictionary<string, string> { ["reason"] = " " }, $"{page}/people/{exempt.Id}/exempt");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await client.PostFormAsync(page, new Dictionary<string, string> { ["reason"] = "On long-term sick leave" }, $"{page}/people/{exempt.Id}/exempt");
        await client.PostFormAsync(page, new Dictionary<string, string> { ["reason"] = "Posted abroad until January", ["dueOn"] = "2027-01-31" }, $"{page}/people/{extended.Id}/extend");
        clock.Advance(TimeSpan.FromDays(20));

        Assert.Equal(AssignmentState.Exempt, State(id, exempt.Id));
        Assert.Equal(AssignmentState.NotStarted, State(id, extended.Id));
        Assert.Equal(new DateOnly(2027, 1, 31), Status(id, extended.Id).DueOn);
        client = await app.LoggedInClientAsync(coordinator.Email!);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("On long-term sick leave", html);
        Assert.Contains("Posted abroad until January", html);
        Assert.Equal(2, app.WithDb(db => db.AuditEntries.Count(e => e.TargetId == Key(id) && (e.Action == AuditActions.AssignmentExempted || e.Action == AuditActions.AssignmentExtended))));
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.LoggedInClientAsync(exempt.Email!)).GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Moving_out_of_the_unit_loses_the_assignment_but_keeps_completed_work_and_assigned_courses_cannot_be_left()
    {
        var open = await app.CreateUserAsync("Otto Open", Roles.Learner);
        var finished = await app.CreateUserAsync("Fina Finished", Roles.Learner);
        var (unit, coordinator) = await app.CoordinatorOfAsync(open.Id, finished.Id);
        var other = await app.CreateUnitAsync("Other", unit);
        var client = await app.LoggedInClientAsync(coordinator.Email!);
        var id = await AssignAsync(client, other.Id, dueDays: 30);
        Assert.Empty(app.WithDb(db => db.AssignedCourses.Where(a => a.AssignmentId == id).ToList()));

        await client.PostFormAsync("/coordinate", new Dictionary<string, string> { ["unitId"] = Key(other.Id) }, $"/coordinate/people/{open.Id}/move");
        await client.PostFormAsync("/coordinate", new Dictionary<string, string> { ["unitId"] = Key(other.Id) }, $"/coordinate/people/{finished.Id}/move");
        var learner = await app.LoggedInClientAsync(open.Email!);
        await learner.PostFormAsync("/courses/welcome", new Dictionary<string, string>(), "/courses/welcome/leave");
        Assert.True(app.WithDb(db => db.Enrolments.Any(e => e.UserId == open.Id && e.Course.Slug == "welcome")));
        await app.CompleteWelcomeAsync(finished.Id);

        await client.PostFormAsync("/coordinate", new Dictionary<string, string> { ["unitId"] = Key(unit.Id) }, $"/coordinate/people/{open.Id}/move");
        await client.PostFormAsync("/coordinate", new Dictionary<string, string> { ["unitId"] = Key(unit.Id) }, $"/coordinate/people/{finished.Id}/move");

        // Both leave the assignment (it would otherwise reopen at renewal under a unit they left); the completed
        // work stays: the completion and its certificate.
        Assert.Empty(app.WithDb(db => db.AssignedCourses.Where(a => a.AssignmentId == id).ToList()));
        Assert.True(app.WithDb(db => db.CourseCompletions.Any(c => c.UserId == finished.Id) && db.Certificates.Any(c => c.UserId == finished.Id)));
    }

    [Fact]
    public async Task Outside_their_units_a_coordinator_gets_404_for_an_exemption_even_without_a_reason_and_odd_filters_do_not_break_the_list()
    {
        var south = await app.CreateUserAsync("Sofia South", Roles.Learner);
        var (southUnit, southCoordinator) = await app.CoordinatorOfAsync(south.Id);
        var id = await AssignAsync(await app.LoggedInClientAsync(southCoordinator.Email!), southUnit.Id, dueDays: 30);
        var (_, north) = await app.CoordinatorOfAsync();
        var client = await app.LoggedInClientAsync(north.Email!);

        var response = await client.PostFormAsync("/coordinate/people", new Dictionary<string, string> { ["reason"] = "" }, $"/coordinate/assignments/{id}/people/{south.Id}/exempt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordinate/people?expiring=100000000&page=2147483647")).StatusCode);
    }

    [Fact]
    public async Task A_unit_with_an_assignment_is_archived_not_deleted()
    {
        var (unit, _) = await app.CoordinatorOfAsync();
        var empty = await app.CreateUnitAsync("Empty", unit);
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        await AssignAsync(admin, empty.Id, dueDays: 30);

        var response = await admin.PostFormAsync($"/admin/units/{empty.Id}", new Dictionary<string, string>(), $"/admin/units/{empty.Id}/delete");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(app.WithDb(db => db.Units.Any(u => u.Id == empty.Id)));
    }

    private async Task<int> AssignAsync(HttpClient client, int unitId, int? dueDays = null, string? dueOn = null)
    {
        var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
        var response = await client.PostFormAsync("/coordinate/assignments/new", new Dictionary<string, string>
        {
            ["CourseId"] = Key(courseId),
            ["Target"] = "unit",
            ["UnitId"] = Key(unitId),
            ["DueKind"] = dueOn is null ? "relative" : "fixed",
            ["DueDays"] = dueDays?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["DueOn"] = dueOn ?? "",
        }, "/coordinate/assignments");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private async Task MoveAsAdminAsync(string userId, int unitId)
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        var response = await admin.PostFormAsync("/coordinate", new Dictionary<string, string> { ["unitId"] = Key(unitId) }, $"/coordinate/people/{userId}/move");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }


    private AssignmentStatus Status(int assignmentId, string userId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Training.Web.Infrastructure.Data.TrainingDbContext>();
        var query = scope.ServiceProvider.GetRequiredService<AssignmentStatusQuery>();
        return query.StatusesAsync(db.AssignedCourses.Where(a => a.AssignmentId == assignmentId && a.UserId == userId), default).GetAwaiter().GetResult().Single().Status;
    }

    private AssignmentState State(int assignmentId, string userId) => Status(assignmentId, userId).State;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => app.Dispose();
}
