using Quartz;

namespace Training.Web.Infrastructure.Scheduling;

public sealed record ScheduleRow(string Job, string Schedule, DateTimeOffset? LastRun, DateTimeOffset? NextRun, string State);

/// <summary>The site's jobs as configured now; the job store may still hold ones configured before.</summary>
public sealed class Schedules(IReadOnlySet<JobKey> configured, ISchedulerFactory schedulers)
{
    public const string Group = "training";

    public IReadOnlySet<JobKey> Configured => configured;

    /// <summary>What runs, on which schedule, when it last ran and runs next (from Quartz's tables).</summary>
    public async Task<IReadOnlyList<ScheduleRow>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var headers = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(Group) }, cancellationToken);
        var rows = new List<ScheduleRow>();
        foreach (var header in headers.Items.OrderBy(h => h.JobKey.Name, StringComparer.Ordinal))
        {
            var trigger = await scheduler.GetTrigger(header.Key, cancellationToken);
            var schedule = trigger switch
            {
                ICronTrigger cron => cron.CronExpressionString ?? "",
                ISimpleTrigger simple => $"every {simple.RepeatInterval.TotalSeconds:0} s",
                _ => header.TriggerType,
            };
            rows.Add(new ScheduleRow(header.JobKey.Name, schedule, header.PreviousFireTimeUtc, header.NextFireTimeUtc, header.State.ToString()));
        }
        return rows;
    }
}

/// <summary>
/// Removes from the job store the site's jobs that are no longer configured (a reminder whose schedule
/// was emptied), once the scheduler has started; the store would otherwise keep running them.
/// </summary>
public sealed class StaleSchedulePruner(Schedules schedules, ISchedulerFactory schedulers, ILogger<StaleSchedulePruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(stoppingToken);
            for (var waited = 0; scheduler.Status != SchedulerStatus.Running && waited < 120; waited++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(Schedules.Group) }, stoppingToken);
            foreach (var job in stored.Items.Where(j => !schedules.Configured.Contains(j.Key)))
            {
                await scheduler.DeleteJob(job.Key, stoppingToken);
                logger.LogInformation("Removed the job {Job}: it is no longer configured.", job.Key);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not remove jobs that are no longer configured.");
        }
    }
}
