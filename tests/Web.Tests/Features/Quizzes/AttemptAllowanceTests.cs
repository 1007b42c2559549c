using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Quizzes;

/// <summary>
/// The attempts left that the quiz overview shows are the attempts the server accepts, through the
/// pages: two attempts at the module quiz and two at the final; certificates valid 12 months,
/// renewable in the last 60 days.
/// </summary>
public sealed partial class AttemptAllowanceTests : IDisposable
{
    private readonly QuizContent content = new("passMark: 20\nattemptLimit: 2\nshuffle: false", "passMark: 50\nattemptLimit: 2\nshuffle: false");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public AttemptAllowanceTests()
    {
        app = new TrainingAppFactory().WithSetting("Content:Folder", content.Folder).WithSetting("Certificates:RecertificationWindowDays", "60").WithClock(clock);
        _ = app.Services;
    }

    [Fact]
    public async Task During_renewal_a_learner_who_used_every_attempt_at_the_final_is_offered_try_again_and_the_server_accepts_it()
    {
        var (client, learner) = await LearnerReadyForTheFinalAsync();
        await SubmitAsync(client, await StartThroughThePageAsync(client, "final"), rightAnswer: false);
        await SubmitAsync(client, await StartThroughThePageAsync(client, "final"), rightAnswer: true);
        Assert.Equal(1, app.WithDb(db => db.Certificates.Count(c => c.UserId == learner)));
        var spent = await OverviewAsync(client, "final");
        Assert.Equal("0", spent.AttemptsLeft);
        Assert.False(spent.OffersAnAttempt);

        clock.Advance(TimeSpan.FromDays(340)); // within 60 days of the 12-month expiry
        client = await LogInAgainAsync(learner); // the sign-in cookie has expired meanwhile
        var renewal = await OverviewAsync(client, "final");
        Assert.Equal("2", renewal.AttemptsLeft);
        Assert.Contains(">Try again</button>", renewal.Html);
        var attemptId = await StartThroughThePageAsync(client, "final");

        var attempt = app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId));
        Assert.Equal((learner, 3, AttemptStatus.InProgress), (attempt.UserId, attempt.Number, attempt.Status));
        var result = await SubmitAsync(client, attemptId, rightAnswer: false);
        Assert.Contains("Attempts left: 1", result);
        Assert.Contains(">Try again</button>", result);
        await AssertOverviewMatchesTheServerAsync(client, learner, "final", attemptsLeft: 1);
    }

    [Fact]
    public async Task Without_renewal_the_overview_offers_exactly_the_attempts_the_server_accepts()
    {
        var (client, learner) = await LearnerReadyForTheFinalAsync();
        await AssertOverviewMatchesTheServerAsync(client, learner, "basics", attemptsLeft: 1);

        await SubmitAsync(client, await StartThroughThePageAsync(client, "final"), rightAnswer: true);
        Assert.Equal(1, app.WithDb(db => db.Certificates.Count(c => c.UserId == learner)));
        clock.Advance(TimeSpan.FromDays(200)); // the certificate is valid and not yet renewable
        client = await LogInAgainAsync(learner);
        await AssertOverviewMatchesTheServerAsync(client, learner, "final", attemptsLeft: 1);
    }

    /// <summary>
    /// Uses each attempt the overview offers, through its button, then checks that the overview offers
    /// none and the server refuses one more.
    /// </summary>
    private async Task AssertOverviewMatchesTheServerAsync(HttpClient client, string learner, string quiz, int attemptsLeft)
    {
        for (var left = attemptsLeft; left > 0; left--)
        {
            var overview = await OverviewAsync(client, quiz);
            Assert.Equal(left.ToString(System.Globalization.CultureInfo.InvariantCulture), overview.AttemptsLeft);
            Assert.True(overview.OffersAnAttempt, $"No button with {left} attempts left");
            await SubmitAsync(client, await StartThroughThePageAsync(client, quiz), rightAnswer: false);
        }
        var spent = await OverviewAsync(client, quiz);
        Assert.Equal("0", spent.AttemptsLeft);
        Assert.False(spent.OffersAnAttempt);

        var attemptsBefore = Attempts(learner, quiz);
        var refused = await client.PostFormAsync(OverviewUrl(quiz), new Dictionary<string, string>(), $"{OverviewUrl(quiz)}/start");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(OverviewUrl(quiz), refused.Headers.Location!.OriginalString);
        Assert.Contains("You have used all your attempts at this quiz.", WebUtility.HtmlDecode(await client.GetStringAsync(OverviewUrl(quiz))));
        Assert.Equal(attemptsBefore, Attempts(learner, quiz));
    }

    private static async Task<(string Html, string? AttemptsLeft, bool OffersAnAttempt)> OverviewAsync(HttpClient client, string quiz)
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(OverviewUrl(quiz)));
        var left = AttemptsLeftFact().Match(html);
        return (html, left.Success ? left.Groups[1].Value : null, StartButton().IsMatch(html));
    }

    private static async Task<int> StartThroughThePageAsync(HttpClient client, string quiz)
    {
        var start = await client.PostFormAsync(OverviewUrl(quiz), new Dictionary<string, string>(), $"{OverviewUrl(quiz)}/start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!.OriginalString;
        var attempt = AttemptUrl().Match(location);
        Assert.True(attempt.Success, $"The start was refused: {location}");
        return int.Parse(attempt.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Answers the final's question (or nothing, on the module quiz), submits and returns the result page.</summary>
    private async Task<string> SubmitAsync(HttpClient client, int attemptId, bool rightAnswer)
    {
        var answers = app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId).Layout).Contains("final-one", StringComparison.Ordinal)
            ? new Dictionary<string, string> { ["present"] = "final-one", ["q-final-one"] = rightAnswer ? "a" : "b", ["saveKey"] = "only" }
            : new Dictionary<string, string>();
        if (answers.Count > 0)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/courses", answers, $"/attempts/{attemptId}/save")).StatusCode);
        }
        var submit = await client.PostFormAsync("/courses", new Dictionary<string, string>(), $"/attempts/{attemptId}/submit");
        return WebUtility.HtmlDecode(await client.GetStringAsync(submit.Headers.Location!.OriginalString));
    }

    private async Task<HttpClient> LogInAgainAsync(string learner) => await app.LoggedInClientAsync(app.WithDb(db => db.Users.Single(u => u.Id == learner).Email!));

    /// <summary>Enrolled, the plain module done and the module quiz passed with the first of its two attempts.</summary>
    private async Task<(HttpClient Client, string UserId)> LearnerReadyForTheFinalAsync()
    {
        var learner = await app.CreateUserAsync("Ava Allowance", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
            await scope.ServiceProvider.GetRequiredService<ProgressService>().MarkCompleteAsync(learner.Id, QuizContent.Course, "more", default);
        }
        await PassBasicsAsync(learner.Id);
        return (await app.LoggedInClientAsync(learner.Email!), learner.Id);
    }

    private async Task PassBasicsAsync(string learner)
    {
        using var scope = app.Services.CreateScope();
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        var (_, id) = await attempts.StartOrResumeAsync(learner, QuizContent.Course, "basics", default);
        await attempts.SaveAsync(learner, id!.Value, new Dictionary<string, QuestionAnswer> { ["held-passport"] = new() { Choices = ["b"] } }, null, default);
        await attempts.SubmitAsync(learner, id.Value, default);
    }

    private int Attempts(string learner, string quiz) =>
        app.WithDb(db => db.QuizAttempts.Count(a => a.UserId == learner && db.Quizzes.Any(q => q.Id == a.QuizId && q.Key == quiz)));

    private static string OverviewUrl(string quiz) => $"/courses/{QuizContent.Course}/quizzes/{quiz}";

    [GeneratedRegex(@"<dt>Attempts left</dt><dd>([^<]*)</dd>")]
    private static partial Regex AttemptsLeftFact();

    [GeneratedRegex(@">(Start the quiz|Try again)</button>")]
    private static partial Regex StartButton();

    [GeneratedRegex(@"^/attempts/(\d+)$")]
    private static partial Regex AttemptUrl();

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
    }
}
