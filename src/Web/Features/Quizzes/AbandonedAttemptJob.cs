using Quartz;
using Training.Assessment.Attempts;

namespace Training.Web.Features.Quizzes;

/// <summary>
/// Grades timed attempts whose learner never came back, so statistics, dashboards and reminders see
/// them; Quartz runs it on Quizzes:CloseAbandonedCron.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AbandonedAttemptJob(AttemptService attempts, ILogger<AbandonedAttemptJob> logger) : IJob
{
    public static readonly JobKey Key = new("quizzes-close-abandoned", Training.Web.Infrastructure.Scheduling.Schedules.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var closed = await attempts.CloseAbandonedAsync(cancellationToken);
        if (closed > 0)
        {
            logger.LogInformation("Closed and graded {Count} abandoned quiz attempts.", closed);
        }
    }
}
