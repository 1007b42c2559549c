using Microsoft.Extensions.Options;

namespace Training.Web.Features.Reminders;

/// <summary>Checks for due reminders every Reminders:IntervalMinutes.</summary>
public sealed class ReminderWorker(IServiceProvider services, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalMinutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), clock);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reminders could not be checked; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
