using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Training.Web.Infrastructure.Scheduling;

/// <summary>
/// Ready when the Quartz scheduler is running (the hosted service starts it once the application has
/// started): not yet started, in standby or shutting down is not ready. Reads the scheduler's status
/// only: no database work.
/// </summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "The scheduler is not running.");
    }
}
