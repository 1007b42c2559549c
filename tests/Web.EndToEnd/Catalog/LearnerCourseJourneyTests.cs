using Microsoft.Playwright;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Catalog;

public sealed class LearnerCourseJourneyTests(SiteUnderTest site) : IClassFixture<SiteUnderTest>
{
    [Fact]
    public async Task A_learner_finds_a_course_enrols_reads_two_modules_and_sees_progress_at_home()
    {
        var learner = await site.App.CreateUserAsync("Rosa Reader", Roles.Learner);
        var page = await site.NewPageAsync();
        await LogInAsync(page, learner.Email!);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Courses", Exact = true }).ClickAsync();
        await page.GetByLabel("Words in the title, summary, audience or topics").FillAsync("respectfully");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show courses" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 courses found.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Before you start: working with migrants respectfully" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your progress: 0 of 2 modules")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "How these courses work" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How these courses work");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Figure)).ToContainTextAsync("learning path");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "module.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Words that respect people");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Module completed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "My learning" }).ClickAsync();
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "2 of 2 modules completed" });
        await Assertions.Expect(progress).ToHaveAttributeAsync("value", "2");
        await Assertions.Expect(page.GetByText("All modules completed")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "learner-home-progress.png"), FullPage = true });
    }

    [Fact]
    public async Task A_module_reads_at_320_pixels_without_sideways_scrolling()
    {
        var learner = await site.App.CreateUserAsync("Nora Narrow", Roles.Learner);
        var page = await site.NewPageAsync(width: 320);
        await LogInAsync(page, learner.Email!);
        await page.GotoAsync("/courses/welcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();

        await page.GotoAsync("/courses/welcome/modules/words-that-respect-people");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.Equal(0, overflow);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "module-320.png"), FullPage = true });
    }

    private static async Task LogInAsync(IPage page, string email)
    {
        await SiteUnderTest.LogInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/learn$"));
    }
}
