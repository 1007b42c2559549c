using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Training.Assessment.Attempts;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Features.Reminders;
using Training.Web.Infrastructure.Scheduling;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Scheduling;

/// <summary>Quartz.NET with its job store in the site's SQLite file, firing real jobs.</summary>
public sealed class SchedulingTests : IClassFixture<SmtpServer>, IDisposable
{
    private readonly SmtpServer smtp;
    private readonly QuizContent content = new("passMark: 20\nshuffle: false");

    public SchedulingTests(SmtpServer smtp) => this.smtp = smtp;

    [Fact]
    public async Task A_reminder_job_fires_on_its_cron_schedule_again_and_again_and_its_mail_arrives_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var app = new TrainingAppFactory()
            .WithSetting("Content:Folder", content.Folder)
            .WithSetting("Reminders:Schedules:certificate-expiry:Cron", "")
            .WithSetting("Reminders:Schedules:inactivity:Cron", "")
            .WithSetting("Reminders:Schedules:unfinished-attempt:Cron", "* * * * * ?") // every second
            .WithSetting("Smtp:Host", "127.0.0.1")
            .WithSetting("Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .WithSetting("Smtp:DispatchIntervalSeconds", "1")
            .WithClock(clock);
        var learner = await app.CreateUserAsync("Quentin Quartz", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
            await scope.ServiceProvider.GetRequiredService<AttemptService>().StartOrResumeAsync(learner.Id, QuizContent.Course, "basics", default);
        }

        clock.Advance(TimeSpan.FromHours(25)); // the attempt is now a day old
        // Quartz's timers run on the site's clock, so the clock keeps moving as a real one would.
        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return smtp.Messages().Any(m => m.Contains(learner.Email!, StringComparison.Ordinal));
        });
        for (var run = 0; run < 3; run++)
        {
            // Quartz runs on the site's clock: moving it on fires the job again.
            var before = LastFired(app, "reminders-unfinished-attempt");
            await WaitUntilAsync(() =>
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                return LastFired(app, "reminders-unfinished-attempt") > before;
            });
        }
        await WaitUntilAsync(() => app.WithDb(db => db.Set<Training.Web.Infrastructure.Mail.OutboxMessage>().All(m => m.SentAt != null)));

        Assert.Single(smtp.Messages(), m => m.Contains(learner.Email!, StringComparison.Ordinal));
        Assert.Single(app.WithDb(db => db.Set<ReminderLog>().Where(l => l.UserId == learner.Id).ToList()));
        Assert.Equal(0, Count(app, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME IN ('reminders-inactivity', 'reminders-certificate-expiry')"));
    }

    [Fact]
    public async Task A_job_whose_schedule_is_emptied_is_removed_from_the_job_store_on_the_next_start()
    {
        string folder;
        using (var first = new TrainingAppFactory())
        {
            folder = first.DataFolder;
            _ = first.Services;
            await WaitUntilAsync(() => Count(first, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'reminders-inactivity'") == 1);
        }

        using var second = TrainingAppFactory.Over(folder).WithSetting("Reminders:Schedules:inactivity:Cron", "");
        _ = second.Services;

        await WaitUntilAsync(() => Count(second, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'reminders-inactivity'") == 0);
        Assert.Equal(1, Count(second, "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'reminders-certificate-expiry'"));
        var listed = await second.Services.GetRequiredService<Schedules>().ListAsync(default);
        Assert.Equal(["mail-outbox", "quizzes-close-abandoned", "reminders-certificate-expiry", "reminders-coordinator-digest", "reminders-due-soon", "reminders-overdue", "reminders-unfinished-attempt"], listed.Select(s => s.Job));
    }

    [Fact]
    public async Task On_sql_server_the_scheduler_is_clustered_and_on_sqlite_it_is_not()
    {
        var sqlServer = new ServiceCollection().AddLogging();
        var sqlServerConfiguration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=unused;Database=Training;Trusted_Connection=True",
        }).Build();
        sqlServer.AddSingleton<IConfiguration>(sqlServerConfiguration);
        sqlServer.AddScheduling(sqlServerConfiguration, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        await using var provider = sqlServer.BuildServiceProvider();
        using var app = new TrainingAppFactory();

        Assert.True(ClusteringOf(provider));
        Assert.False(ClusteringOf(app.Services));
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Equal("Training", scheduler.SchedulerName);
    }

    private static bool ClusteringOf(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ClusteringOptions>>().Get("Training").Enabled
        || services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusteringOptions>>().Value.Enabled;

    private static DateTimeOffset LastFired(TrainingAppFactory app, string trigger)
    {
        var ticks = app.WithDb(db =>
        {
            using var connection = new SqliteConnection(db.Database.GetConnectionString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT PREV_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '{trigger}'";
            return command.ExecuteScalar() is long value ? value : 0;
        });
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private static long Count(TrainingAppFactory app, string sql) => app.WithDb(db =>
    {
        using var connection = new SqliteConnection(db.Database.GetConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the scheduler.");
            await Task.Delay(200);
        }
    }

    public void Dispose() => content.Dispose();
}
