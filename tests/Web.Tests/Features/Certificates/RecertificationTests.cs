using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Content;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Certificates;

/// <summary>The quiz course: a module quiz, a plain module and a final assessment; certificates valid 12 months.</summary>
public sealed class RecertificationTests : IDisposable
{
    private readonly QuizContent content = new("passMark: 20\nshuffle: false");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public RecertificationTests()
    {
        app = new TrainingAppFactory().WithSetting("Content:Folder", content.Folder).WithSetting("Certificates:RecertificationWindowDays", "60").WithClock(clock);
        _ = app.Services;
    }

    [Fact]
    public async Task Near_expiry_passing_the_final_again_issues_a_new_certificate_and_keeps_the_old_one()
    {
        var learner = await CompleteCourseAsync();
        Assert.Equal(1, Certificates(learner));

        // Before the window opens, passing the final again changes nothing.
        clock.Advance(TimeSpan.FromDays(200));
        await PassAsync(learner, "final", new() { ["final-one"] = new() { Choices = ["a"] } });
        Assert.Equal(1, Certificates(learner));

        clock.Advance(TimeSpan.FromDays(140)); // 340 days in: within 60 days of the 12-month expiry
        var client = await app.LoggedInClientAsync(app.WithDb(db => db.Users.Single(u => u.Id == learner).Email!));
        Assert.Contains("due for renewal", await client.GetStringAsync($"/courses/{QuizContent.Course}"));
        await PassAsync(learner, "final", new() { ["final-one"] = new() { Choices = ["a"] } });

        var issued = app.WithDb(db => db.Certificates.Where(c => c.UserId == learner).OrderBy(c => c.IssuedAt).Select(c => new { c.CompletedAt, c.ExpiresAt }).ToList());
        Assert.Equal(2, issued.Count);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMonths(12), issued[1].ExpiresAt);
        Assert.Equal([1, 2], app.WithDb(db => db.CourseCompletions.Where(c => c.UserId == learner).OrderBy(c => c.Round).Select(c => c.Round).ToList()));
    }

    [Fact]
    public async Task After_a_major_change_coordinators_see_who_holds_a_certificate_for_the_older_version()
    {
        var learner = await CompleteCourseAsync();
        var coordinator = await app.LoggedInClientAsync((await app.CoordinatorOfAsync(learner)).Coordinator.Email!);
        var name = app.WithDb(db => db.Users.Single(u => u.Id == learner).FullName);
        Assert.DoesNotContain(name, await coordinator.GetStringAsync("/certificates?olderVersions=true"));

        var courseFile = Path.Combine(content.Folder, QuizContent.Course, "course.yml");
        await File.AppendAllTextAsync(courseFile, "\nmajorVersion: 2\n");
        await app.Services.ImportContentAsync(default);

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/certificates?olderVersions=true"));
        Assert.Contains(name, page);
        Assert.Contains("Older version: 1 (the course is now at 2)", page);
    }

    private async Task<string> CompleteCourseAsync()
    {
        var learner = await app.CreateUserAsync($"Rena Renew {Guid.NewGuid():N}"[..20], Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
            await scope.ServiceProvider.GetRequiredService<ProgressService>().MarkCompleteAsync(learner.Id, QuizContent.Course, "more", default);
        }
        await PassAsync(learner.Id, "basics", new() { ["held-passport"] = new() { Choices = ["b"] } });
        await PassAsync(learner.Id, "final", new() { ["final-one"] = new() { Choices = ["a"] } });
        return learner.Id;
    }

    private async Task PassAsync(string learner, string quiz, Dictionary<string, QuestionAnswer> answers)
    {
        using var scope = app.Services.CreateScope();
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        var (outcome, id) = await attempts.StartOrResumeAsync(learner, QuizContent.Course, quiz, default);
        Assert.True(id is not null, outcome.ToString());
        await attempts.SaveAsync(learner, id.Value, answers, null, default);
        await attempts.SubmitAsync(learner, id.Value, default);
        Assert.True(app.WithDb(db => db.QuizAttempts.Single(a => a.Id == id).Passed));
    }

    private int Certificates(string learner) => app.WithDb(db => db.Certificates.Count(c => c.UserId == learner));

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
    }
}
