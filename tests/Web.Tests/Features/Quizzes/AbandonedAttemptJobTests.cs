using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Quizzes;

/// <summary>The module quiz has a 10-minute limit; the learner never comes back to it.</summary>
public sealed class AbandonedAttemptJobTests : IDisposable
{
    private readonly QuizContent content = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TrainingAppFactory? app;

    private static readonly Dictionary<string, QuestionAnswer> AllRight = new()
    {
        ["held-passport"] = new() { Choices = ["b"] },
        ["indicators"] = new() { Choices = ["a", "c"] },
        ["instruments"] = new() { Matches = new Dictionary<string, string> { ["ILO C181"] = "recruitment agencies", ["CEDAW"] = "discrimination against women" } },
        ["steps"] = new() { Order = ["Safety first", "Explain options", "Refer"] },
        ["sector"] = new() { Text = "nursing" },
    };

    [Fact]
    public async Task The_scheduled_job_grades_an_abandoned_timed_attempt_and_completes_its_module_without_the_learner_returning()
    {
        var site = App(closeAbandonedCron: "* * * * * ?"); // every second of the site's clock
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");
        clock.Advance(TimeSpan.FromMinutes(1));
        await ServiceAsync(s => s.SaveAsync(learner, attemptId, AllRight, null, default));
        clock.Advance(TimeSpan.FromMinutes(10));

        // Quartz runs on the site's clock, so the clock keeps moving as a real one would.
        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == attemptId).Status) == AttemptStatus.Submitted;
        });

        var attempt = site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == attemptId));
        Assert.Equal(100m, attempt.Score);
        Assert.True(attempt.Passed);
        Assert.True(site.WithDb(db => db.ModuleCompletions.Any(c => c.UserId == learner && db.Modules.Any(m => m.Id == c.ModuleId && m.Slug == "basics"))));
    }

    [Fact]
    public async Task Closing_abandoned_attempts_again_or_beside_the_learners_own_submit_grades_each_attempt_once()
    {
        var site = App(closeAbandonedCron: "");
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");
        await ServiceAsync(s => s.SaveAsync(learner, attemptId, AllRight, null, default));
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(1, await ServiceAsync(s => s.CloseAbandonedAsync(default)));
        var graded = site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == attemptId));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await ServiceAsync(s => s.CloseAbandonedAsync(default)));

        var again = site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == attemptId));
        Assert.Equal((AttemptStatus.Submitted, 100m, graded.SubmittedAt), (again.Status, again.Score, again.SubmittedAt));
        Assert.Equal(1, site.WithDb(db => db.ModuleCompletions.Count(c => c.UserId == learner)));

        // The learner submits at the very moment the job closes the attempt.
        var racer = await EnrolledLearnerAsync();
        var raced = await StartAsync(racer, "basics");
        await ServiceAsync(s => s.SaveAsync(racer, raced, AllRight, null, default));
        clock.Advance(TimeSpan.FromMinutes(11));
        var both = await Task.WhenAll(
            Task.Run(() => ServiceAsync(s => s.CloseAbandonedAsync(default))),
            Task.Run(async () => await ServiceAsync(s => s.SubmitAsync(racer, raced, default)) ? 0 : -1));

        Assert.InRange(both[0], 0, 1);
        Assert.Equal(0, both[1]);
        var racedAttempt = site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == raced));
        Assert.Equal((AttemptStatus.Submitted, 100m), (racedAttempt.Status, racedAttempt.Score));
        Assert.Equal(1, site.WithDb(db => db.ModuleCompletions.Count(c => c.UserId == racer)));
    }

    [Fact]
    public async Task An_attempt_still_within_its_time_and_grace_or_without_a_time_limit_is_left_alone()
    {
        var site = App(closeAbandonedCron: "");
        var learner = await EnrolledLearnerAsync();
        var untimed = await StartAsync(learner, "final");
        var timed = await StartAsync(learner, "basics");
        clock.Advance(TimeSpan.FromMinutes(10) + AttemptRules.DeadlineGrace - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await ServiceAsync(s => s.CloseAbandonedAsync(default)));
        Assert.Equal(AttemptStatus.InProgress, site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == timed).Status));
        var save = await ServiceAsync(s => s.SaveAsync(learner, timed, AllRight, null, default));
        Assert.Equal(SaveOutcome.Saved, save.Outcome);

        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, await ServiceAsync(s => s.CloseAbandonedAsync(default)));
        Assert.Equal(AttemptStatus.Submitted, site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == timed).Status));
        Assert.Equal(AttemptStatus.InProgress, site.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == untimed).Status));
    }

    private TrainingAppFactory App(string closeAbandonedCron)
    {
        app = new TrainingAppFactory().WithSetting("Content:Folder", content.Folder).WithSetting("Quizzes:CloseAbandonedCron", closeAbandonedCron).WithClock(clock);
        _ = app.Services;
        return app;
    }

    private async Task<string> EnrolledLearnerAsync()
    {
        var learner = await app!.CreateUserAsync("Abe Abandon", Roles.Learner);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        return learner.Id;
    }

    private async Task<int> StartAsync(string learner, string quiz)
    {
        var (outcome, id) = await ServiceAsync(s => s.StartOrResumeAsync(learner, QuizContent.Course, quiz, default));
        Assert.True(outcome == StartOutcome.Started, outcome.ToString());
        return id!.Value;
    }

    private async Task<TResult> ServiceAsync<TResult>(Func<AttemptService, Task<TResult>> call)
    {
        using var scope = app!.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<AttemptService>());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the scheduler.");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        app?.Dispose();
        content.Dispose();
    }
}
