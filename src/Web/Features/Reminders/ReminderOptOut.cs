namespace Training.Web.Features.Reminders;

/// <summary>
/// A person who switched off one optional kind of reminder. No row: they receive it. Rows rather than a
/// column per kind, so a new reminder needs no migration.
/// </summary>
public class ReminderOptOut
{
    public string UserId { get; set; } = "";

    /// <summary>The rule's kind: certificate-expiry, inactivity, unfinished-attempt.</summary>
    public string Kind { get; set; } = "";

    /// <summary>UTC time the person switched it off.</summary>
    public DateTime Since { get; set; }
}
