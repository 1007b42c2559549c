using System.ComponentModel.DataAnnotations;

namespace Training.Web.Features.Quizzes;

/// <summary>The <c>Quizzes</c> section.</summary>
public sealed class QuizOptions : IValidatableObject
{
    public const string Section = "Quizzes";

    /// <summary>
    /// When the job that closes abandoned timed attempts runs (Quartz cron, UTC); empty: it does not run,
    /// and such an attempt is graded only when its learner comes back.
    /// </summary>
    public string? CloseAbandonedCron { get; set; } = "0 0/5 * * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CloseAbandonedCron) && !Quartz.CronExpression.TryParse(CloseAbandonedCron, out _))
        {
            yield return new ValidationResult($"Quizzes:CloseAbandonedCron \"{CloseAbandonedCron}\" is not a Quartz cron expression (seconds minutes hours day month weekday).");
        }
    }
}
