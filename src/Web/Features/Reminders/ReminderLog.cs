namespace Training.Web.Features.Reminders;

/// <summary>A reminder queued: one row per person, kind, item and step, so each is sent once.</summary>
public class ReminderLog
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>certificate-expiry, inactivity, unfinished-attempt (and later due-date, digest).</summary>
    public string Kind { get; set; } = "";

    /// <summary>What it is about: a certificate code, a course slug, an attempt id.</summary>
    public string ItemKey { get; set; } = "";

    /// <summary>Which step: "60" days before expiry, the date inactivity began, ...</summary>
    public string Step { get; set; } = "";

    public DateTime QueuedAt { get; set; }
}
