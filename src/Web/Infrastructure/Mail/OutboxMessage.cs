namespace Training.Web.Infrastructure.Mail;

/// <summary>
/// A mail waiting to be sent, written in the same transaction as what caused it. The dispatcher sends it
/// and records every attempt; an SMTP outage only delays it.
/// </summary>
public class OutboxMessage
{
    public int Id { get; set; }

    /// <summary>The Message-ID header, fixed when queued, so a receiver can drop a duplicate delivery.</summary>
    public string MessageId { get; set; } = "";

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next try is due; pushed back after each failure.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int AttemptCount { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A dispatcher working on the message holds it until then, so two instances never both send it.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public List<OutboxAttempt> Attempts { get; set; } = [];
}

public class OutboxAttempt
{
    public int Id { get; set; }

    public int OutboxMessageId { get; set; }

    public DateTime AttemptedAt { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }
}
