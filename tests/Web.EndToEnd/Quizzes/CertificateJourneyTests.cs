using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Quizzes;

public sealed class CertificateJourneyTests(QuizSiteUnderTest site) : IClassFixture<QuizSiteUnderTest>
{
    [Fact]
    public async Task Passing_the_last_quiz_gives_a_certificate_to_download_and_a_public_page_that_confirms_it()
    {
        var learner = await site.App.CreateUserAsync("Ngô Thị Minh Châu", Roles.Learner);
        using (var scope = site.App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
            await services.GetRequiredService<ProgressService>().MarkCompleteAsync(learner.Id, QuizContent.Course, "more", default);
            var attempts = services.GetRequiredService<AttemptService>();
            var (_, id) = await attempts.StartOrResumeAsync(learner.Id, QuizContent.Course, "basics", default);
            await attempts.SaveAsync(learner.Id, id!.Value, new Dictionary<string, QuestionAnswer>
            {
                ["held-passport"] = new() { Choices = ["b"] },
                ["indicators"] = new() { Choices = ["a", "c"] },
                ["instruments"] = new() { Matches = new Dictionary<string, string> { ["ILO C181"] = "recruitment agencies", ["CEDAW"] = "discrimination against women" } },
                ["steps"] = new() { Order = ["Safety first", "Explain options", "Refer"] },
                ["sector"] = new() { Text = "nursing" },
            }, null, default);
            await attempts.SubmitAsync(learner.Id, id.Value, default);
        }

        var page = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, learner.Email!);

        await page.GotoAsync($"/courses/{QuizContent.Course}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the final assessment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await page.GetByLabel("Right").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have completed the course.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "My learning" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the certificate for Quiz course (PDF)" }).ClickAsync());
        var file = Path.Combine(SiteUnderTest.ScreenshotFolder, "certificate.pdf");
        await download.SaveAsAsync(file);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 4));

        await page.GetByRole(AriaRole.Link, new() { Name = "Verification page" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Valid");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ngô Thị Minh Châu");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "verify.png"), FullPage = true });
    }
}
