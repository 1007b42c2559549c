using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Features.Reminders;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Assignments;

/// <summary>The site with its clock in the test's hand, reminders run by hand and mail sent to the real SMTP server on request.</summary>
public sealed class ClockedSiteUnderTest : SiteUnderTest
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero));

    protected override void Configure(TrainingAppFactory app) => app
        .WithClock(Clock)
        .WithSetting("Reminders:RunOnSchedule", "false")
        .WithSetting("Smtp:DispatchIntervalSeconds", "0");
}

public sealed class AssignedTrainingJourneyTests(ClockedSiteUnderTest site) : IClassFixture<ClockedSiteUnderTest>
{
    private const string Course = "Before you start: working with migrants respectfully";

    [Fact]
    public async Task A_coordinator_assigns_a_course_sees_the_completion_on_the_dashboard_and_in_the_export_and_the_late_learner_is_reminded_once()
    {
        var done = await site.App.CreateUserAsync("Ana Done", Roles.Learner);
        var late = await site.App.CreateUserAsync("Ben Late", Roles.Learner);
        var (unit, coordinator) = await site.App.CoordinatorOfAsync(done.Id, late.Id);
        var dueOn = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime).AddDays(7);

        var page = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, coordinator.Email!);
        await page.GotoAsync("/coordinate/assignments/new");
        await page.GetByLabel("Course").SelectOptionAsync(new SelectOptionValue { Label = Course });
        await page.GetByLabel("A unit and the units below it, including people who join later").CheckAsync();
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = unit.Path });
        await page.GetByLabel("A fixed date").CheckAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Course);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("2 people: 0 completed, 0 overdue, 0 exempt.");

        await site.App.CompleteWelcomeAsync(done.Id);

        await page.GotoAsync("/coordinate");
        var completed = page.GetByRole(AriaRole.Link, new() { Name = $"{Course}: 1 Completed" });
        await Assertions.Expect(completed).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "dashboard.png"), FullPage = true });
        await completed.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Ana Done");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("Ben Late");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(done.Email!, csv);
        Assert.DoesNotContain(late.Email!, csv);

        // The day after the due date: the overdue reminder, run twice, reaches Ben once.
        site.Clock.SetUtcNow(new DateTimeOffset(dueOn.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        Assert.Equal(1, await RunOverdueAndSendAsync());
        Assert.Equal(0, await RunOverdueAndSendAsync());
        var mail = await site.Smtp.WaitForMessageAsync(late.Email!);
        Assert.Contains("was due on", mail.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal));
        Assert.Single(site.Smtp.Messages(), m => m.Contains(late.Email!, StringComparison.Ordinal));
        Assert.DoesNotContain(site.Smtp.Messages(), m => m.Contains(done.Email!, StringComparison.Ordinal));
    }


    private async Task<int> RunOverdueAndSendAsync()
    {
        using var scope = site.App.Services.CreateScope();
        var queued = await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync("overdue", default);
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default);
        return queued;
    }
}
