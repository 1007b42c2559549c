using System.ComponentModel.DataAnnotations;

namespace Training.Web.Features.Reminders;

/// <summary>The <c>Reminders</c> section: schedule, steps and sending hours.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How often reminders are checked; 0 turns the background check off.</summary>
    [Range(0, 1440)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Days before a certificate expires to remind its holder; 0 is the day itself.</summary>
    public List<int> CertificateExpiryDays { get; set; } = [60, 14, 0];

    [Range(1, 365)]
    public int InactivityDays { get; set; } = 14;

    [Range(1, 720)]
    public int UnfinishedAttemptHours { get; set; } = 24;

    /// <summary>Reminders go out between these hours in the person's own time zone.</summary>
    [Range(0, 23)]
    public int SendFromHour { get; set; } = 8;

    [Range(1, 24)]
    public int SendUntilHour { get; set; } = 18;

    /// <summary>For people who have not set a time zone.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";
}
