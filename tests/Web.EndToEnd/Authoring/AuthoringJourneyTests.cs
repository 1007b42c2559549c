using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Courses.People;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Features.Authoring;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Authoring;

/// <summary>
/// A trainer edits a module in the browser with its live preview, publishes a major change with a note and
/// compares it with the version before; a learner then reads the new text, and the coordinator's certificate
/// list shows who completed the older version. Markup and script typed into the editor never run, in the
/// preview or on the published page.
/// </summary>
public sealed class AuthoringJourneyTests(SiteUnderTest site) : IClassFixture<SiteUnderTest>
{
    private const string Module = "01-how-these-courses-work.md";
    private const string NewText = "Officials at the border read this new paragraph first.";

    // Each would set window.xss if it ran: a script element, an event handler, a javascript: link, an iframe with script.
    private const string Hostile = "<script>window.xss = 'script'</script>\n\n<img alt=\"a map\" src=\"images/learning-path.svg\" onerror=\"window.xss = 'onerror'\">\n\n"
        + "[Select this](javascript:window.xss='link')\n\n<iframe srcdoc=\"<script>parent.xss='iframe'</script>\"></iframe>\n";

    [Fact]
    public async Task A_trainer_edits_previews_publishes_a_major_change_and_compares_it_and_learners_and_coordinators_see_the_result()
    {
        var earlier = await site.App.CreateUserAsync("Olga Earlier", Roles.Learner);
        var (_, coordinator) = await site.App.CoordinatorOfAsync(earlier.Id);
        await site.App.CompleteWelcomeAsync(earlier.Id); // her certificate names major version 1
        var trainer = await site.App.CreateUserAsync("Tariq Trainer", Roles.Trainer);
        using (var scope = site.App.Services.CreateScope())
        {
            // An admin takes the shipped course over and gives it to the trainer (each page tested by HTTP elsewhere).
            var authoring = scope.ServiceProvider.GetRequiredService<CourseAuthoring>();
            await authoring.ConvertAsync(Actor.CommandLine(), "welcome", default);
            await authoring.GrantAsync(Actor.CommandLine(), "welcome", trainer.Email!, default);
        }

        var page = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, trainer.Email!);
        await page.GotoAsync("/teach/courses");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Before you start: working with migrants respectfully" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "How these courses work" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Editing {Module}");

        // Typing: the preview follows, rendered by the learners' pipeline; the draft saves itself.
        var editor = page.GetByLabel("Text (Markdown)");
        await editor.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync($"\n\n## What changed\n\n{NewText}\n\n{Hostile}");
        var preview = page.Locator("#editor-preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "What changed" })).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync(NewText);
        await Assertions.Expect(page.Locator("#editor-status")).ToContainTextAsync("Draft saved at");
        Assert.Null(await page.EvaluateAsync<string?>("() => window.xss ?? null"));
        await Assertions.Expect(preview.Locator("script, iframe, [onerror], a[href^='javascript']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "authoring-editor.png"), FullPage = true });

        // Closing the tab loses nothing: a new page opens the saved draft.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(NewText)));

        // Publish a major change with a note.
        await page.GetByRole(AriaRole.Link, new() { Name = "Before you start: working with migrants respectfully" }).ClickAsync();
        await page.GetByLabel("Major: a new version (2).", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Note").FillAsync("New opening paragraph for border officials");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is published: learners see it now.");

        // Compare with the version before: inline, then side by side.
        await page.GetByRole(AriaRole.Link, new() { Name = "Versions and changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("New opening paragraph for border officials");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare version 2 with version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr.diff-inserted", new() { HasText = NewText })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr.diff-inserted", new() { HasText = "majorVersion: 2" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show side by side" }).ClickAsync();
        await Assertions.Expect(page.Locator("td.diff-inserted", new() { HasText = NewText })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "authoring-compare.png"), FullPage = true });
        Assert.Null(await page.EvaluateAsync<string?>("() => window.xss ?? null"));

        // A learner reads the new text; nothing typed into the editor runs on the published page.
        var learner = await site.App.CreateUserAsync("Lina Later", Roles.Learner);
        var learnerPage = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(learnerPage, learner.Email!);
        await learnerPage.GotoAsync("/courses/welcome");
        await learnerPage.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await learnerPage.GotoAsync("/courses/welcome/modules/how-these-courses-work");
        await Assertions.Expect(learnerPage.GetByRole(AriaRole.Main)).ToContainTextAsync(NewText);
        var link = learnerPage.GetByText("Select this");
        if (await link.CountAsync() > 0)
        {
            await link.ClickAsync();
        }
        Assert.Null(await learnerPage.EvaluateAsync<string?>("() => window.xss ?? null"));
        await Assertions.Expect(learnerPage.Locator("main script, main iframe, main [onerror], main a[href^='javascript']")).ToHaveCountAsync(0);

        // The coordinator sees who completed the older version.
        var coordinatorPage = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(coordinatorPage, coordinator.Email!);
        await coordinatorPage.GotoAsync("/certificates");
        await coordinatorPage.GetByLabel("Only certificates for a course version that has since changed in a major way").CheckAsync();
        await coordinatorPage.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var card = coordinatorPage.Locator(".card", new() { HasText = "Olga Earlier" });
        await Assertions.Expect(card).ToContainTextAsync("Older version: 1 (the course is now at 2)");
    }
}
