using Quartz;

namespace Training.Web.Infrastructure.Mail;

/// <summary>Sends what is due in the outbox; Quartz runs it every Smtp:DispatchIntervalSeconds.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("mail-outbox", Training.Web.Infrastructure.Scheduling.Schedules.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}

/// <summary>
/// When a request queues a mail, asks Quartz to run the outbox job now rather than at its next round,
/// so a confirmation mail arrives while the person is still looking at the page.
/// </summary>
public sealed class OutboxWakeUp(OutboxSignal signal, ISchedulerFactory schedulers, ILogger<OutboxWakeUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
            try
            {
                var scheduler = await schedulers.GetScheduler(stoppingToken);
                if (scheduler.Status == SchedulerStatus.Running && await scheduler.Exists(OutboxJob.Key, stoppingToken))
                {
                    await scheduler.TriggerJob(OutboxJob.Key, new JobDataMap(), stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not run the mail outbox at once; it runs at its next round.");
            }
        }
    }
}
