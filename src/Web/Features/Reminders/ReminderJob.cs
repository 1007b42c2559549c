using Quartz;

namespace Training.Web.Features.Reminders;

/// <summary>One reminder kind's check, run by Quartz on the schedule in Reminders:Schedules.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderService reminders) : IJob
{
    public const string KindKey = "kind";

    public static JobKey KeyFor(string kind) => new($"reminders-{kind}", Training.Web.Infrastructure.Scheduling.Schedules.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var kind = context.MergedJobDataMap.GetString(KindKey) ?? throw new JobExecutionException("The reminder job has no kind.");
        await reminders.QueueDueAsync(kind, cancellationToken);
    }
}
