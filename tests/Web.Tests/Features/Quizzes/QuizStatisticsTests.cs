using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Assessment.Statistics;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Quizzes;

public sealed class QuizStatisticsTests : IDisposable
{
    private readonly QuizContent content = new();
    private readonly TrainingAppFactory app;

    public QuizStatisticsTests()
    {
        app = new TrainingAppFactory().WithSetting("Content:Folder", content.Folder);
        _ = app.Services;
    }

    [Fact]
    public async Task Trainers_see_pass_rate_average_distribution_facility_discrimination_and_the_favourite_wrong_option()
    {
        var right = new Dictionary<string, QuestionAnswer>
        {
            ["held-passport"] = new() { Choices = ["b"] },
            ["indicators"] = new() { Choices = ["a", "c"] },
            ["instruments"] = new() { Matches = new Dictionary<string, string> { ["ILO C181"] = "recruitment agencies", ["CEDAW"] = "discrimination against women" } },
            ["steps"] = new() { Order = ["Safety first", "Explain options", "Refer"] },
            ["sector"] = new() { Text = "nursing" },
        };
        await AttemptAsync(right);                                                                 // 100
        await AttemptAsync(new(right) { ["sector"] = new() { Text = "farming" } });                // 80
        await AttemptAsync(new() { ["held-passport"] = new() { Choices = ["b"] } });              // 20
        await AttemptAsync(new() { ["indicators"] = new() { Choices = ["b"] }, ["held-passport"] = new() { Choices = ["a"] } }); // 0

        using var scope = app.Services.CreateScope();
        var stats = (await scope.ServiceProvider.GetRequiredService<QuizStatisticsQuery>().GetAsync(QuizContent.Course, "basics", default))!;

        Assert.Equal(4, stats.Attempts);
        Assert.Equal(50m, stats.PassRatePercent);
        Assert.Equal(50m, stats.AverageScore);
        Assert.Equal([1, 0, 1, 0, 0, 0, 0, 0, 1, 1], stats.ScoreBands);
        var passport = stats.Questions.Single(q => q.QuestionId == "held-passport");
        Assert.Equal(75m, passport.FacilityPercent);
        Assert.True(passport.DiscriminationIndex > 50, $"discrimination {passport.DiscriminationIndex}");
        Assert.Equal("True", passport.MostChosenWrongOptionHtml);
        var indicators = stats.Questions.Single(q => q.QuestionId == "indicators");
        Assert.Equal(50m, indicators.FacilityPercent);
        Assert.Equal("Travelling alone", indicators.MostChosenWrongOptionHtml);
        Assert.Equal(1, indicators.MostChosenWrongCount);
    }

    [Fact]
    public async Task Only_trainers_open_the_statistics_page()
    {
        var trainer = await app.LoggedInClientAsync((await app.CreateUserAsync("Tess Trainer", Roles.Trainer)).Email!);
        var learner = await app.LoggedInClientAsync((await app.CreateUserAsync("Len Learner", Roles.Learner)).Email!);

        var page = await trainer.GetAsync($"/teach/quizzes/{QuizContent.Course}/basics");
        var forbidden = await learner.GetAsync($"/teach/quizzes/{QuizContent.Course}/basics");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Discrimination", await page.Content.ReadAsStringAsync());
        Assert.StartsWith("/error/403", forbidden.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task AttemptAsync(Dictionary<string, QuestionAnswer> answers)
    {
        var learner = await app.CreateUserAsync("Stat Learner", Roles.Learner);
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        var attempts = services.GetRequiredService<AttemptService>();
        var (_, id) = await attempts.StartOrResumeAsync(learner.Id, QuizContent.Course, "basics", default);
        await attempts.SaveAsync(learner.Id, id!.Value, answers, null, default);
        await attempts.SubmitAsync(learner.Id, id.Value, default);
    }

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
    }
}
