using Quartz;

namespace Training.Web.Features.Privacy;

/// <summary>Warns, then anonymises, accounts unused for Privacy:InactiveMonths; Quartz runs it on Privacy:RetentionCron.</summary>
[DisallowConcurrentExecution]
public sealed class InactiveAccountJob(InactiveAccounts accounts, ILogger<InactiveAccountJob> logger) : IJob
{
    public static readonly JobKey Key = new("privacy-inactive-accounts", Training.Web.Infrastructure.Scheduling.Schedules.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (warned, anonymised) = await accounts.RunAsync(cancellationToken);
        if (warned + anonymised > 0)
        {
            logger.LogInformation("Retention: warned {Warned} inactive accounts, anonymised {Anonymised}.", warned, anonymised);
        }
    }
}
