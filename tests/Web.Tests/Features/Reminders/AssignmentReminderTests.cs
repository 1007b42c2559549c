using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Assignments;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Features.Reminders;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Reminders;

/// <summary>Due-soon, overdue and the coordinators' digest for assigned training, with the site's clock in hand.</summary>
public sealed class AssignmentReminderTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public AssignmentReminderTests()
    {
        app = new TrainingAppFactory()
            .WithSetting("Reminders:RunOnSchedule", "false")
            .WithSetting("Smtp:DispatchIntervalSeconds", "0")
            .WithClock(clock);
        _ = app.Services;
    }

    [Fact]
    public async Task Due_soon_goes_out_7_and_1_days_before_each_once_and_an_opt_out_does_not_stop_it()
    {
        var learner = await app.CreateUserAsync("Dana Due", Roles.Learner);
        var (unit, _) = await app.CoordinatorOfAsync(learner.Id);
        await AssignAsync(unit, dueOn: new DateOnly(2026, 12, 20));
        app.WithDb(db =>
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = learner.Id, Kind = "due-soon", Since = DateTime.UtcNow });
            return db.SaveChanges();
        });

        Assert.Equal(0, await RunAsync("due-soon")); // 19 days before
        At(2026, 12, 13);
        Assert.Equal(1, await RunAsync("due-soon"));
        Assert.Equal(0, await RunAsync("due-soon"));
        At(2026, 12, 19);
        Assert.Equal(1, await RunAsync("due-soon"));
        At(2026, 12, 20);
        Assert.Equal(0, await RunAsync("due-soon"));

        var subjects = Subjects(learner.Id);
        Assert.Equal(2, subjects.Count(s => s.StartsWith("Before you start", StringComparison.Ordinal) && s.EndsWith("is due on 20 December 2026", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Overdue_goes_out_the_day_after_then_every_7_days_and_stops_when_the_course_is_done()
    {
        var learner = await app.CreateUserAsync("Olaf Overdue", Roles.Learner);
        var (unit, _) = await app.CoordinatorOfAsync(learner.Id);
        await AssignAsync(unit, dueOn: new DateOnly(2026, 12, 10));

        At(2026, 12, 10);
        Assert.Equal(0, await RunAsync("overdue"));
        At(2026, 12, 11);
        Assert.Equal(1, await RunAsync("overdue"));
        At(2026, 12, 17);
        Assert.Equal(0, await RunAsync("overdue"));
        At(2026, 12, 18);
        Assert.Equal(1, await RunAsync("overdue"));

        await app.CompleteWelcomeAsync(learner.Id);
        At(2026, 12, 25);
        Assert.Equal(0, await RunAsync("overdue"));
        Assert.Equal(2, Subjects(learner.Id).Count(s => s.EndsWith("was due on 10 December 2026", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_digest_tells_each_coordinator_about_their_own_units_once_a_week()
    {
        var north = await app.CreateUserAsync("Nina North", Roles.Learner);
        var south = await app.CreateUserAsync("Sami South", Roles.Learner);
        var (northUnit, northCoordinator) = await app.CoordinatorOfAsync(north.Id);
        var (southUnit, southCoordinator) = await app.CoordinatorOfAsync(south.Id);
        await AssignAsync(northUnit, dueOn: new DateOnly(2026, 12, 3));
        await AssignAsync(southUnit, dueOn: new DateOnly(2027, 3, 1));

        At(2026, 12, 7);
        Assert.Equal(1, await RunAsync("coordinator-digest"));
        Assert.Equal(0, await RunAsync("coordinator-digest"));
        At(2026, 12, 15);
        Assert.Equal(1, await RunAsync("coordinator-digest"));

        var subjects = Subjects(northCoordinator.Id);
        Assert.Equal(2, subjects.Count);
        Assert.All(subjects, s => Assert.Equal("Your units this week: 1 overdue, 0 certificates expiring", s));
        Assert.Empty(Subjects(southCoordinator.Id)); // nothing overdue or expiring in South
    }

    private void At(int year, int month, int day) => clock.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));

    private async Task AssignAsync(Training.Courses.Organisations.Unit unit, DateOnly dueOn)
    {
        using var scope = app.Services.CreateScope();
        var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<AssignmentService>()
            .AssignAsync(Actor.CommandLine(), courseId, unit.Id, [], dueOn, null, default);
        Assert.Equal(AssignOutcome.Done, outcome);
    }


    private async Task<int> RunAsync(string kind)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync(kind, default);
    }

    private List<string> Subjects(string userId) => app.WithDb(db =>
    {
        var email = db.Users.Single(u => u.Id == userId).Email;
        return db.Set<OutboxMessage>().Where(m => m.To == email).Select(m => m.Subject).ToList();
    });

    public void Dispose() => app.Dispose();
}
