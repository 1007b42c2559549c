using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Quartz;
using Training.Web.Features.Privacy;
using Training.Web.Features.Quizzes;
using Training.Web.Features.Reminders;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Infrastructure.Scheduling;

/// <summary>
/// Quartz.NET inside the site, its job store in the site's database (tables from the QuartzJobStore
/// migration). SQL Server runs clustered: every instance of the site runs a scheduler, they share the
/// QRTZ_ tables and each firing runs on one of them. SQLite is a single instance (Quartz does not
/// cluster over a file).
/// </summary>
public static class SchedulingRegistration
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseRegistration.ConnectionString(database, configuration, environment);
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        var quizzes = configuration.GetSection(QuizOptions.Section).Get<QuizOptions>() ?? new QuizOptions();
        var privacy = configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new PrivacyOptions();

        var configured = new HashSet<JobKey>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "Training");
            // Quartz takes the site's TimeProvider, so a test's clock drives the triggers as well.
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = QuartzSchema.TablePrefix;
                    options.SchemaProvisioning = SchemaProvisioning.Validate; // the migrations create it
                });
                if (database.Provider == DatabaseProvider.SqlServer)
                {
                    store.UseSqlServer(SqlClientFactory.Instance, connectionString);
                    store.UseClustering(clustering => clustering.Enabled = true);
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, connectionString);
                }
            });

            if (smtp.DispatchIntervalSeconds > 0)
            {
                quartz.ScheduleJob<OutboxJob>(
                    trigger => trigger.WithIdentity("mail-outbox", Schedules.Group).WithDescription("Send queued mail")
                        .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(smtp.DispatchIntervalSeconds)).RepeatForever()),
                    job => job.WithIdentity(OutboxJob.Key).WithDescription("Send queued mail"));
                configured.Add(OutboxJob.Key);
            }
            if (!string.IsNullOrWhiteSpace(quizzes.CloseAbandonedCron))
            {
                quartz.ScheduleJob<AbandonedAttemptJob>(
                    trigger => trigger.WithIdentity(AbandonedAttemptJob.Key.Name, Schedules.Group).WithDescription(quizzes.CloseAbandonedCron)
                        .WithCronSchedule(quizzes.CloseAbandonedCron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                    job => job.WithIdentity(AbandonedAttemptJob.Key).WithDescription("Close and grade abandoned timed quiz attempts"));
                configured.Add(AbandonedAttemptJob.Key);
            }
            if (privacy.InactiveMonths > 0 && !string.IsNullOrWhiteSpace(privacy.RetentionCron))
            {
                quartz.ScheduleJob<InactiveAccountJob>(
                    trigger => trigger.WithIdentity(InactiveAccountJob.Key.Name, Schedules.Group).WithDescription(privacy.RetentionCron)
                        .WithCronSchedule(privacy.RetentionCron, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                    job => job.WithIdentity(InactiveAccountJob.Key).WithDescription("Warn, then anonymise, accounts unused for Privacy:InactiveMonths"));
                configured.Add(InactiveAccountJob.Key);
            }
            if (reminders.RunOnSchedule)
            {
                foreach (var (kind, schedule) in reminders.Schedules.Where(s => !string.IsNullOrWhiteSpace(s.Value.Cron)))
                {
                    quartz.ScheduleJob<ReminderJob>(
                        trigger => trigger.WithIdentity($"reminders-{kind}", Schedules.Group).WithDescription(schedule.Cron)
                            .WithCronSchedule(schedule.Cron!, cron => cron.InTimeZone(TimeZoneInfo.Utc)),
                        job => job.WithIdentity(ReminderJob.KeyFor(kind)).WithDescription($"Reminders: {kind}").UsingJobData(ReminderJob.KindKey, kind));
                    configured.Add(ReminderJob.KeyFor(kind));
                }
            }
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        services.AddScoped<OutboxJob>();
        services.AddScoped<ReminderJob>();
        services.AddHostedService<OutboxWakeUp>();
        services.AddSingleton(sp => new Schedules(configured, sp.GetRequiredService<ISchedulerFactory>()));
        services.AddHostedService<StaleSchedulePruner>();
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthEndpoints.Ready]);
        return services;
    }
}
