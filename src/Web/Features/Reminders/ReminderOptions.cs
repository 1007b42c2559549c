using System.ComponentModel.DataAnnotations;

namespace Training.Web.Features.Reminders;

/// <summary>The <c>Reminders</c> section: schedules, templates, steps and sending hours.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    /// <summary>
    /// One entry per reminder kind: when its job runs (a Quartz cron expression, in UTC) and which template
    /// in MailTemplates/ it uses. Every reminder runs at least hourly so each time zone's sending hours are met.
    /// </summary>
    public Dictionary<string, ReminderSchedule> Schedules { get; set; } = new()
    {
        ["certificate-expiry"] = new() { Cron = "0 5 * * * ?", Template = "certificate-expiry" },
        ["inactivity"] = new() { Cron = "0 10 * * * ?", Template = "inactivity" },
        ["unfinished-attempt"] = new() { Cron = "0 0/15 * * * ?", Template = "unfinished-attempt" },
        ["due-soon"] = new() { Cron = "0 20 * * * ?", Template = "due-soon" },
        ["overdue"] = new() { Cron = "0 25 * * * ?", Template = "overdue" },
        // Hourly like the others, so it reaches each coordinator in their working hours; once a week per person.
        ["coordinator-digest"] = new() { Cron = "0 30 * * * ?", Template = "coordinator-digest" },
    };

    /// <summary>False: no reminder job is scheduled (tests run them by hand).</summary>
    public bool RunOnSchedule { get; set; } = true;

    /// <summary>Days before a certificate expires to remind its holder; 0 is the day itself.</summary>
    public List<int> CertificateExpiryDays { get; set; } = [60, 14, 0];

    [Range(1, 365)]
    public int InactivityDays { get; set; } = 14;

    /// <summary>Days before an assigned course's due date to remind the learner.</summary>
    public List<int> DueSoonDays { get; set; } = [7, 1];

    /// <summary>After the due date: a reminder on the first day overdue, then every this many days.</summary>
    [Range(1, 365)]
    public int OverdueEveryDays { get; set; } = 7;

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (kind, schedule) in Schedules)
        {
            if (!string.IsNullOrWhiteSpace(schedule.Cron) && !Quartz.CronExpression.TryParse(schedule.Cron, out _))
            {
                yield return new ValidationResult($"Reminders:Schedules:{kind}:Cron \"{schedule.Cron}\" is not a Quartz cron expression (seconds minutes hours day month weekday).");
            }
        }
        if (SendFromHour >= SendUntilHour)
        {
            yield return new ValidationResult("Reminders:SendFromHour must be before Reminders:SendUntilHour.");
        }
    }
}

public sealed class ReminderSchedule
{
    /// <summary>Empty: this reminder is not sent.</summary>
    public string? Cron { get; set; }

    /// <summary>Empty: the template named like the kind.</summary>
    public string Template { get; set; } = "";
}
