using Microsoft.Extensions.Options;

namespace Training.Web.Infrastructure.Mail;

/// <summary>Runs the dispatcher every few seconds, and at once when a request queues a mail.</summary>
public sealed class OutboxWorker(IServiceProvider services, OutboxSignal signal, IOptions<SmtpOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds);
        if (interval <= TimeSpan.Zero)
        {
            return; // tests dispatch by hand
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The mail outbox could not be read; trying again shortly.");
            }
            await signal.WaitAsync(interval, stoppingToken);
        }
    }
}
