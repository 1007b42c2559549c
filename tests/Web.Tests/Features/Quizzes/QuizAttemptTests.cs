using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Quizzes;

public sealed partial class QuizAttemptTests : IDisposable
{
    private readonly QuizContent content = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public QuizAttemptTests()
    {
        app = new TrainingAppFactory().WithSetting("Content:Folder", content.Folder).WithClock(clock);
        _ = app.Services;
    }

    private static readonly Dictionary<string, QuestionAnswer> AllRight = new()
    {
        ["held-passport"] = new() { Choices = ["b"] },
        ["indicators"] = new() { Choices = ["a", "c"] },
        ["instruments"] = new() { Matches = new Dictionary<string, string> { ["ILO C181"] = "recruitment agencies", ["CEDAW"] = "discrimination against women" } },
        ["steps"] = new() { Order = ["Safety first", "Explain options", "Refer"] },
        ["sector"] = new() { Text = "  Nursing " },
    };

    [Fact]
    public async Task Pages_and_saves_during_an_attempt_carry_no_correct_answers_or_feedback()
    {
        var (client, _) = await EnrolledLearnerAsync();
        var start = await client.PostFormAsync("/courses", new Dictionary<string, string>(), $"/courses/{QuizContent.Course}/quizzes/basics/start");
        var attemptUrl = start.Headers.Location!.OriginalString;

        var html = "";
        for (var page = 1; page <= 5; page++)
        {
            html += await client.GetStringAsync($"{attemptUrl}?step={page}");
        }
        var save = await client.PostFormAsync("/courses", new Dictionary<string, string> { ["present"] = "held-passport", ["q-held-passport"] = "a", ["saveKey"] = "k1" }, $"{attemptUrl}/save");
        var json = await save.Content.ReadAsStringAsync();

        Assert.Contains("An employer may keep a worker", html);
        Assert.Contains("Debt bondage", html);
        Assert.DoesNotContain("FEEDBACK", html);
        Assert.DoesNotContain("nursing", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(CorrectMarker(), html);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Equal("{\"saved\":true}", json);
    }

    [Fact]
    public async Task Without_javascript_save_and_continue_keeps_answers_and_the_result_shows_feedback()
    {
        var (client, learner) = await EnrolledLearnerAsync();
        var start = await client.PostFormAsync("/courses", new Dictionary<string, string>(), $"/courses/{QuizContent.Course}/quizzes/basics/start");
        var attemptUrl = start.Headers.Location!.OriginalString;

        var next = await client.PostFormAsync("/courses", new Dictionary<string, string> { ["present"] = "held-passport", ["q-held-passport"] = "a", ["go"] = "next", ["step"] = "1" }, $"{attemptUrl}?step=1");
        Assert.True(next.StatusCode == HttpStatusCode.Redirect, $"{next.StatusCode}: {await next.Content.ReadAsStringAsync()}");
        Assert.Equal($"{attemptUrl}?step=2", next.Headers.Location!.OriginalString);
        Assert.Contains("checked=\"checked\"", await client.GetStringAsync($"{attemptUrl}?step=1"));

        var submit = await client.PostFormAsync("/courses", new Dictionary<string, string>(), $"{attemptUrl}/submit");
        var result = WebUtility.HtmlDecode(await client.GetStringAsync(submit.Headers.Location!.OriginalString));

        Assert.Contains("Your score: 0 %", result);
        Assert.Contains("FEEDBACK-TRUE-WRONG", result);
        Assert.Contains("Attempts left: 2", result);
        Assert.False(app.WithDb(db => db.ModuleCompletions.Any(c => c.UserId == learner)));
    }

    [Fact]
    public async Task Passing_the_module_quiz_completes_the_module_and_the_final_assessment_completes_the_course()
    {
        var (_, learner) = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");
        await ServiceAsync<AttemptService, SaveResult>(s => s.SaveAsync(learner, attemptId, AllRight, null, default));

        await ServiceAsync<AttemptService, bool>(s => s.SubmitAsync(learner, attemptId, default));

        var attempt = app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId));
        Assert.Equal(100m, attempt.Score);
        Assert.True(attempt.Passed);
        Assert.True(app.WithDb(db => db.ModuleCompletions.Any(c => c.UserId == learner && db.Modules.Any(m => m.Id == c.ModuleId && m.Slug == "basics"))));
        Assert.False(app.WithDb(db => db.CourseCompletions.Any(c => c.UserId == learner)));

        Assert.Equal(CompletionOutcome.Completed, await ServiceAsync<ProgressService, CompletionOutcome>(s => s.MarkCompleteAsync(learner, QuizContent.Course, "more", default)));
        Assert.False(app.WithDb(db => db.CourseCompletions.Any(c => c.UserId == learner)));
        var finalAttempt = await StartAsync(learner, "final");
        await ServiceAsync<AttemptService, SaveResult>(s => s.SaveAsync(learner, finalAttempt, new Dictionary<string, QuestionAnswer> { ["final-one"] = new() { Choices = ["a"] } }, null, default));
        await ServiceAsync<AttemptService, bool>(s => s.SubmitAsync(learner, finalAttempt, default));

        Assert.Equal(clock.GetUtcNow().UtcDateTime, app.WithDb(db => db.CourseCompletions.Single(c => c.UserId == learner).CompletedAt));
    }

    [Fact]
    public async Task A_module_with_a_quiz_cannot_be_marked_complete_by_hand()
    {
        var (_, learner) = await EnrolledLearnerAsync();

        var outcome = await ServiceAsync<ProgressService, CompletionOutcome>(s => s.MarkCompleteAsync(learner, QuizContent.Course, "basics", default));

        Assert.Equal(CompletionOutcome.NeedsQuiz, outcome);
    }

    [Fact]
    public async Task Submitting_twice_and_in_parallel_grades_once()
    {
        var (client, learner) = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");
        await ServiceAsync<AttemptService, SaveResult>(s => s.SaveAsync(learner, attemptId, AllRight, null, default));

        // Two requests at once, each with its own scope and database connection, then a late double click.
        var parallel = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ServiceAsync<AttemptService, bool>(s => s.SubmitAsync(learner, attemptId, default))));
        await Task.WhenAll(parallel);
        var submittedAt = app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId).SubmittedAt);
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = await client.PostFormAsync("/courses", new Dictionary<string, string>(), $"/attempts/{attemptId}/submit");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var attempt = app.WithDb(db => db.QuizAttempts.AsNoTracking().Single(a => a.Id == attemptId));
        Assert.Equal(AttemptStatus.Submitted, attempt.Status);
        Assert.Equal(submittedAt, attempt.SubmittedAt);
        Assert.Equal(100m, attempt.Score);
        Assert.Equal(1, app.WithDb(db => db.ModuleCompletions.Count(c => c.UserId == learner)));
    }

    [Fact]
    public async Task The_server_clock_ends_the_attempt_and_grades_only_what_was_saved_in_time()
    {
        var (client, learner) = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");
        clock.Advance(TimeSpan.FromMinutes(5));
        await client.PostFormAsync("/courses", new Dictionary<string, string> { ["present"] = "held-passport", ["q-held-passport"] = "b", ["saveKey"] = "in-time" }, $"/attempts/{attemptId}/save");

        clock.Advance(TimeSpan.FromMinutes(6));
        var late = await client.PostFormAsync("/courses", new Dictionary<string, string> { ["present"] = "indicators", ["q-indicators"] = "a", ["saveKey"] = "late" }, $"/attempts/{attemptId}/save");
        var page = await client.GetAsync($"/attempts/{attemptId}?step=2");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("time-up", await late.Content.ReadAsStringAsync());
        Assert.Equal($"/attempts/{attemptId}/result", page.Headers.Location!.OriginalString);
        var attempt = app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId));
        Assert.Equal(20m, attempt.Score); // one of five questions, saved in time
        Assert.Equal(AttemptStatus.Submitted, attempt.Status);
    }

    [Fact]
    public async Task An_answer_to_a_question_outside_the_attempt_is_refused_by_name()
    {
        var (client, learner) = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");

        var save = await client.PostFormAsync("/courses", new Dictionary<string, string> { ["present"] = "final-one", ["q-final-one"] = "a", ["saveKey"] = "x" }, $"/attempts/{attemptId}/save");

        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Contains("Question 'final-one' is not part of this attempt", await save.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.AttemptAnswers.Any(a => a.AttemptId == attemptId)));
    }

    [Fact]
    public async Task A_retried_save_with_the_same_key_changes_nothing()
    {
        var (_, learner) = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, "basics");
        var first = new Dictionary<string, QuestionAnswer> { ["held-passport"] = new() { Choices = ["a"] } };
        await ServiceAsync<AttemptService, SaveResult>(s => s.SaveAsync(learner, attemptId, first, "key-1", default));
        var savedAt = app.WithDb(db => db.AttemptAnswers.Single(a => a.AttemptId == attemptId).SavedAt);

        clock.Advance(TimeSpan.FromSeconds(30));
        var retry = await ServiceAsync<AttemptService, SaveResult>(s => s.SaveAsync(learner, attemptId, first, "key-1", default));

        Assert.Equal(SaveOutcome.Saved, retry.Outcome);
        Assert.Equal(savedAt, app.WithDb(db => db.AttemptAnswers.Single(a => a.AttemptId == attemptId).SavedAt));
    }

    [Fact]
    public async Task Starting_again_resumes_the_same_attempt_and_the_attempt_limit_holds()
    {
        var (_, learner) = await EnrolledLearnerAsync();
        var first = await StartAsync(learner, "basics");
        Assert.Equal(first, await StartAsync(learner, "basics"));

        for (var i = 0; i < 3; i++)
        {
            var id = await StartAsync(learner, "basics");
            await ServiceAsync<AttemptService, bool>(s => s.SubmitAsync(learner, id, default));
        }
        var (outcome, _) = await ServiceAsync<AttemptService, (StartOutcome, int?)>(s => s.StartOrResumeAsync(learner, QuizContent.Course, "basics", default));

        Assert.Equal(StartOutcome.NoAttemptsLeft, outcome);
        Assert.Equal([1, 2, 3], app.WithDb(db => db.QuizAttempts.Where(a => a.UserId == learner).OrderBy(a => a.Number).Select(a => a.Number).ToList()));
    }

    [Fact]
    public async Task Another_learner_cannot_open_save_or_submit_someone_elses_attempt()
    {
        var (_, owner) = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(owner, "basics");
        var (intruder, _) = await EnrolledLearnerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/attempts/{attemptId}")).StatusCode);
        var token = FormPoster.TokenIn(await intruder.GetStringAsync("/courses"));
        var save = await intruder.PostAsync($"/attempts/{attemptId}/save", new FormUrlEncodedContent([new("present", "held-passport"), new("q-held-passport", "b"), new("__RequestVerificationToken", token)]));
        var submit = await intruder.PostAsync($"/attempts/{attemptId}/submit", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal(AttemptStatus.InProgress, app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId).Status));
    }

    private async Task<(HttpClient Client, string UserId)> EnrolledLearnerAsync()
    {
        var learner = await app.CreateUserAsync("Quinn Quiz", Roles.Learner);
        await ServiceAsync<EnrolmentService, EnrolmentOutcome>(s => s.EnrolAsync(learner.Id, QuizContent.Course, default));
        return (await app.LoggedInClientAsync(learner.Email!), learner.Id);
    }

    private async Task<int> StartAsync(string learner, string key)
    {
        var (outcome, id) = await ServiceAsync<AttemptService, (StartOutcome, int?)>(s => s.StartOrResumeAsync(learner, QuizContent.Course, key, default));
        Assert.True(outcome is StartOutcome.Started or StartOutcome.Resumed, outcome.ToString());
        return id!.Value;
    }

    private async Task<TResult> ServiceAsync<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [GeneratedRegex(@"\[x\]|isCorrect|""correct""", RegexOptions.IgnoreCase)]
    private static partial Regex CorrectMarker();

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
    }
}
