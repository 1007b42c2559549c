using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Infrastructure.Mail;

/// <summary>
/// Sends what is due in the outbox. Each message is first claimed (an UPDATE only one instance can win),
/// then delivered, then marked sent; a failure is recorded and retried later, 30 s, 1 min, 2 min ... up
/// to an hour apart. A message marked sent is never picked again.
/// </summary>
public sealed class OutboxDispatcher(TrainingDbContext db, MailKitEmailSender transport, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, failures - 1))));

    /// <returns>How many messages were sent.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(50)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in due)
        {
            var claimedUntil = now + ClaimFor;
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == message.Id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }
            try
            {
                await transport.DeliverAsync(message, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at).SetProperty(m => m.AttemptCount, m => m.AttemptCount + 1)
                        .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
                await RecordAsync(message.Id, at, null, cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var at = clock.GetUtcNow().UtcDateTime;
                var next = at + RetryDelay(message.AttemptCount + 1);
                var error = e.GetType().Name + ": " + e.Message;
                error = error.Length > 2000 ? error[..2000] : error;
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.AttemptCount, m => m.AttemptCount + 1).SetProperty(m => m.NextAttemptAt, next)
                        .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                await RecordAsync(message.Id, at, error, CancellationToken.None);
                logger.LogWarning("Mail {MessageId} to {To} not sent ({Error}); next try at {Next:u}.", message.MessageId, message.To, error, next);
            }
        }
        return sent;
    }

    private async Task RecordAsync(int messageId, DateTime at, string? error, CancellationToken cancellationToken)
    {
        db.Set<OutboxAttempt>().Add(new OutboxAttempt { OutboxMessageId = messageId, AttemptedAt = at, Succeeded = error is null, Error = error });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
