using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Courses.Enrolment;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Quizzes;

public sealed class QuizJourneyTests(QuizSiteUnderTest site) : IClassFixture<QuizSiteUnderTest>
{
    [Fact]
    public async Task A_learner_fails_reads_the_feedback_retries_passes_and_sees_the_module_complete()
    {
        var learner = await site.App.CreateUserAsync("Farah Retry", Roles.Learner);
        using (var scope = site.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        }
        var page = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, learner.Email!);

        await page.GotoAsync($"/courses/{QuizContent.Course}/modules/basics");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the module quiz" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();

        // First attempt: a wrong answer on the first question, nothing else.
        await page.GetByLabel("True").CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "saved" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Not passed yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("FEEDBACK-TRUE-WRONG")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "quiz-failed.png"), FullPage = true });

        // Second attempt: everything right, one page per question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await page.GetByLabel("False").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("Debt bondage").CheckAsync();
        await page.GetByLabel("Isolation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("ILO C181").SelectOptionAsync("recruitment agencies");
        await page.GetByLabel("CEDAW").SelectOptionAsync("discrimination against women");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("Safety first").SelectOptionAsync("1");
        await page.GetByLabel("Explain options").SelectOptionAsync("2");
        await page.GetByLabel("Refer").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("Your answer").FillAsync("Nursing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have answered 5 of 5 questions.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Your score: 100 %")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The module is complete.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "quiz-passed.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the course" }).ClickAsync();
        var basics = page.GetByRole(AriaRole.Region, new() { Name = "Modules" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Basics" });
        await Assertions.Expect(basics).ToContainTextAsync("Completed");
        await Assertions.Expect(page.GetByText("Your progress: 1 of 2 modules")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_answer_given_while_offline_is_kept_in_the_browser_and_saved_when_the_link_returns()
    {
        var learner = await site.App.CreateUserAsync("Omar Offline", Roles.Learner);
        using (var scope = site.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        }
        var page = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, learner.Email!);
        await page.GotoAsync($"/courses/{QuizContent.Course}/quizzes/basics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        // The attempt page and its script must have loaded before the link drops, or there is no script to keep the answer.
        await page.WaitForURLAsync("**/attempts/**", new() { WaitUntil = WaitUntilState.Load });

        await page.Context.SetOfflineAsync(true);
        await page.GetByLabel("False").CheckAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("No connection");
        Assert.False(site.App.WithDb(db => db.AttemptAnswers.Any(a => db.QuizAttempts.Any(q => q.Id == a.AttemptId && q.UserId == learner.Id))));

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Answer saved.", new() { Timeout = 15000 });

        var saved = site.App.WithDb(db => db.AttemptAnswers.Where(a => db.QuizAttempts.Any(q => q.Id == a.AttemptId && q.UserId == learner.Id)).Select(a => a.QuestionId).ToList());
        Assert.Equal(["held-passport"], saved);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("False")).ToBeCheckedAsync();
    }
}
