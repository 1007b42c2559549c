using Microsoft.AspNetCore.Identity.UI.Services;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Infrastructure.Mail;

/// <summary>
/// Identity's mail sender: queues the message in the outbox, inside whatever transaction the caller holds,
/// and wakes the dispatcher. Nothing is sent from the request itself.
/// </summary>
public sealed class OutboxEmailSender(TrainingDbContext db, OutboxSignal signal, TimeProvider clock) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        Enqueue(email, subject, htmlMessage);
        await db.SaveChangesAsync();
        signal.Wake();
    }

    /// <summary>
    /// Adds the message to the caller's unit of work without saving, for callers that queue many mails
    /// with one SaveChanges (an import); they wake the dispatcher through <see cref="OutboxSignal"/> after saving.
    /// </summary>
    public void Enqueue(string email, string subject, string htmlMessage)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@training",
            To = email,
            Subject = subject,
            HtmlBody = htmlMessage,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

/// <summary>Lets a request wake the dispatcher at once instead of waiting for its next round.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim wake = new(0);

    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => wake.Dispose();
}
