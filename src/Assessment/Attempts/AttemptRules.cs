using System.Linq.Expressions;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

/// <summary>
/// The rules of attempts, in one place: which attempts count toward a quiz's limit, how many are left,
/// when an attempt's time is up. The attempt service, the quiz pages, the job that closes abandoned
/// attempts and the unfinished-attempt reminder all ask here, so they cannot disagree.
/// </summary>
public static class AttemptRules
{
    /// <summary>Saves that reach the server this long after the deadline still count: links are slow.</summary>
    public static readonly TimeSpan DeadlineGrace = TimeSpan.FromSeconds(15);

    /// <summary>
    /// From when attempts count toward the limit; null: all of them. Renewing a certificate starts a
    /// fresh allowance at the final assessment, so while a renewal window is open only attempts started
    /// since it opened count.
    /// </summary>
    public static DateTime? CountFrom(string quizKey, DateTime? renewalOpened) => quizKey == Quiz.FinalKey ? renewalOpened : null;

    /// <summary>Attempts left (an attempt in progress counts as used); null when attempts are unlimited.</summary>
    public static int? AttemptsLeft(int attemptLimit, IEnumerable<DateTime> startedAt, DateTime? countFrom)
    {
        if (attemptLimit == 0)
        {
            return null;
        }
        return Math.Max(0, attemptLimit - startedAt.Count(started => countFrom is null || started >= countFrom));
    }

    public static bool MayStartAnother(int? attemptsLeft) => attemptsLeft is null or > 0;

    public static DateTime? DeadlineFor(DateTime startedAt, int? timeLimitMinutes) =>
        timeLimitMinutes is { } minutes ? startedAt.AddMinutes(minutes) : null;

    /// <summary>After this, nothing more is saved and the attempt is graded with what was saved in time.</summary>
    public static bool IsPastDeadline(DateTime? deadline, DateTime now) => deadline is { } end && now > end + DeadlineGrace;

    public static bool SavedInTime(DateTime savedAt, DateTime? deadline) => deadline is null || savedAt <= deadline.Value + DeadlineGrace;

    /// <summary>In progress and past its deadline with grace: the learner left it, the server closes it.</summary>
    public static Expression<Func<QuizAttempt, bool>> Abandoned(DateTime now)
    {
        var cutoff = now - DeadlineGrace;
        return a => a.Status == AttemptStatus.InProgress && a.DeadlineAt != null && a.DeadlineAt < cutoff;
    }

    /// <summary>In progress and not past its deadline with grace: the learner can still save and submit it.</summary>
    public static Expression<Func<QuizAttempt, bool>> CanStillBeFinished(DateTime now)
    {
        var cutoff = now - DeadlineGrace;
        return a => a.Status == AttemptStatus.InProgress && (a.DeadlineAt == null || a.DeadlineAt >= cutoff);
    }
}
