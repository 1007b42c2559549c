using System.ComponentModel.DataAnnotations;

namespace Training.Web.Features.Privacy;

/// <summary>The <c>Privacy</c> section: how long an unused account is kept.</summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string Section = "Privacy";

    /// <summary>
    /// Months without a log-in after which an account is warned by mail and, a month after the warning,
    /// anonymised. 0 (the default): accounts are kept until the person or an admin deletes them.
    /// </summary>
    [Range(0, 1200)]
    public int InactiveMonths { get; set; }

    /// <summary>When the retention job runs (a Quartz cron expression, in UTC); only when InactiveMonths is above 0.</summary>
    public string RetentionCron { get; set; } = "0 40 2 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InactiveMonths > 0 && !Quartz.CronExpression.TryParse(RetentionCron, out _))
        {
            yield return new ValidationResult($"Privacy:RetentionCron \"{RetentionCron}\" is not a Quartz cron expression (seconds minutes hours day month weekday).");
        }
    }
}
