using Microsoft.Playwright;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Features.Quizzes;

namespace Training.Web.EndToEnd.Quizzes;

/// <summary>Script may help; it is never needed to read, answer or download (old devices, script blocked).</summary>
public sealed class NoScriptJourneyTests(QuizSiteUnderTest site) : IClassFixture<QuizSiteUnderTest>
{
    [Fact]
    public async Task Without_javascript_a_learner_reads_answers_every_question_type_passes_and_downloads_the_certificate()
    {
        var learner = await site.App.CreateUserAsync("Nadia Noscript", Roles.Learner);
        await using var context = SiteUnderTest.Patient(await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, JavaScriptEnabled = false }));
        var page = await context.NewPageAsync();
        Assert.Equal("no script", await NoScriptProbeAsync(page));

        await SiteUnderTest.LogInAsync(page, learner.Email!);
        await page.GotoAsync($"/courses/{QuizContent.Course}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "More" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("More");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        await page.GotoAsync($"/courses/{QuizContent.Course}/modules/basics");
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("Text.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the module quiz" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await page.GetByLabel("False").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("Debt bondage").CheckAsync();
        await page.GetByLabel("Isolation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("ILO C181").SelectOptionAsync("recruitment agencies");
        await page.GetByLabel("CEDAW").SelectOptionAsync("discrimination against women");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        // Ordering without dragging: each item takes its position from a list; given here in reverse first,
        // then corrected, so the answer cannot be the page's starting order.
        // (A full order: the starting positions are shuffled, so a partial one could repeat a position.)
        await page.GetByLabel("Safety first").SelectOptionAsync("3");
        await page.GetByLabel("Explain options").SelectOptionAsync("2");
        await page.GetByLabel("Refer").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and go back" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Refer")).ToHaveValueAsync("1");
        await page.GetByLabel("Safety first").SelectOptionAsync("1");
        await page.GetByLabel("Explain options").SelectOptionAsync("2");
        await page.GetByLabel("Refer").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByLabel("Your answer").FillAsync("Nursing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have answered 5 of 5 questions.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your score: 100 %")).ToBeVisibleAsync();

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
        await using var pdf = await download.CreateReadStreamAsync();
        var start = new byte[4];
        await pdf.ReadExactlyAsync(start);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(start));
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "no-script-learning.png"), FullPage = true });
    }

    // Proves the context really runs no script: a page whose script would change its text keeps it.
    private static async Task<string> NoScriptProbeAsync(IPage page)
    {
        await page.SetContentAsync("<p id=probe>no script</p><script>document.getElementById('probe').textContent = 'script ran';</script>");
        return await page.Locator("#probe").TextContentAsync() ?? "";
    }
}
