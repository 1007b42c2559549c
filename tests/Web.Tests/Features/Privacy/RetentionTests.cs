using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Features.Privacy;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Scheduling;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Privacy;

/// <summary>Accounts unused for Privacy:InactiveMonths are warned, then anonymised a month later, with the site's clock in hand.</summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly List<TrainingAppFactory> apps = [];

    private TrainingAppFactory Site(string? inactiveMonths)
    {
        var app = new TrainingAppFactory()
            .WithSetting("Reminders:RunOnSchedule", "false")
            .WithSetting("Smtp:DispatchIntervalSeconds", "0")
            .WithSetting("Site:BaseUrl", "https://training.example.org")
            .WithClock(clock);
        if (inactiveMonths is not null)
        {
            // Scheduled (so registration is tested) but for a year that never comes, so the job cannot run
            // beside the test's own runs when the fake clock jumps.
            app.WithSetting("Privacy:InactiveMonths", inactiveMonths).WithSetting("Privacy:RetentionCron", "0 0 0 1 1 ? 2099");
        }
        apps.Add(app);
        _ = app.Services;
        return app;
    }

    [Fact]
    public async Task An_idle_account_is_warned_after_the_inactive_months_and_anonymised_a_month_later_unless_someone_logs_in()
    {
        var app = Site("6");
        Assert.Contains(InactiveAccountJob.Key, app.Services.GetRequiredService<Schedules>().Configured);
        var idle = await LoggedInOnceAsync(app, "Ida Idle");
        var returning = await LoggedInOnceAsync(app, "Rita Returning");
        var active = await LoggedInOnceAsync(app, "Alex Active");

        clock.SetUtcNow(Start.AddMonths(6).AddDays(-1));
        await app.LoggedInClientAsync(active.Email!);
        Assert.Equal((0, 0), await RunAsync(app));

        clock.SetUtcNow(Start.AddMonths(6).AddHours(1));
        Assert.Equal((2, 0), await RunAsync(app));
        Assert.Equal((0, 0), await RunAsync(app)); // warned once
        var mails = app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == idle.Email).ToList());
        var warning = Assert.Single(mails, m => m.Subject.Contains("deleted", StringComparison.Ordinal));
        Assert.Equal("Your Training account will be deleted unless you log in", warning.Subject);
        Assert.Contains("https://training.example.org/Identity/Account/Login", warning.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("10 August 2026", warning.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(AuditActions.InactivityWarningSent, LastEntryAbout(app, idle.Id).Action);

        clock.SetUtcNow(Start.AddMonths(6).AddDays(10));
        await app.LoggedInClientAsync(returning.Email!); // withdraws the warning
        clock.SetUtcNow(Start.AddMonths(7).AddHours(-1));
        Assert.Equal((0, 0), await RunAsync(app)); // the month is not over

        clock.SetUtcNow(Start.AddMonths(7).AddHours(2));
        Assert.Equal((0, 1), await RunAsync(app));

        var gone = app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == idle.Id));
        Assert.NotNull(gone.AnonymisedAt);
        Assert.Null(gone.Email);
        var entry = LastEntryAbout(app, idle.Id);
        Assert.Equal(AuditActions.AccountDeleted, entry.Action);
        Assert.StartsWith("by the retention job", entry.Detail, StringComparison.Ordinal);
        Assert.Null(app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == returning.Id)).AnonymisedAt);
        Assert.Null(app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == active.Id)).AnonymisedAt);
        Assert.Equal((0, 0), await RunAsync(app));
    }

    [Fact]
    public async Task Nothing_is_warned_or_anonymised_when_the_setting_is_off()
    {
        var app = Site(null);
        Assert.DoesNotContain(InactiveAccountJob.Key, app.Services.GetRequiredService<Schedules>().Configured);
        var idle = await LoggedInOnceAsync(app, "Olaf Old");

        clock.SetUtcNow(Start.AddYears(10));

        Assert.Equal((0, 0), await RunAsync(app));
        var stored = app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == idle.Id));
        Assert.Null(stored.InactivityWarnedAt);
        Assert.Null(stored.AnonymisedAt);
        Assert.False(app.WithDb(db => db.Set<OutboxMessage>().Any(m => m.To == idle.Email)));
    }

    [Fact]
    public async Task The_only_admin_is_never_warned_nor_anonymised()
    {
        var app = Site("1");
        var admin = await LoggedInOnceAsync(app, "Sole Admin", Roles.Admin);

        clock.SetUtcNow(Start.AddYears(2));

        Assert.Equal((0, 0), await RunAsync(app));
        Assert.Null(app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == admin.Id)).InactivityWarnedAt);
    }

    private static async Task<TrainingUser> LoggedInOnceAsync(TrainingAppFactory app, string name, string role = Roles.Learner)
    {
        var user = await app.CreateUserAsync(name, role);
        await app.LoggedInClientAsync(user.Email!);
        return user;
    }

    private static AuditEntry LastEntryAbout(TrainingAppFactory app, string userId) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == userId).OrderBy(e => e.Id).ToList()).Last();

    private static async Task<(int, int)> RunAsync(TrainingAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InactiveAccounts>().RunAsync(default);
    }

    public void Dispose()
    {
        foreach (var app in apps)
        {
            app.Dispose();
            try
            {
                Directory.Delete(app.DataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
