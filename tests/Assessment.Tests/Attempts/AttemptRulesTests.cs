using Training.Assessment.Attempts;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Tests.Attempts;

public sealed class AttemptRulesTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void At_the_final_during_renewal_only_attempts_since_the_window_opened_count()
    {
        var started = new[] { Start, Start.AddDays(1), Start.AddDays(300) };
        var opened = Start.AddDays(299);

        Assert.Equal(1, AttemptRules.AttemptsLeft(2, started, AttemptRules.CountFrom(Quiz.FinalKey, opened)));
        Assert.Equal(0, AttemptRules.AttemptsLeft(2, started, AttemptRules.CountFrom("basics", opened)));
        Assert.Equal(0, AttemptRules.AttemptsLeft(2, started, AttemptRules.CountFrom(Quiz.FinalKey, null)));
        Assert.Null(AttemptRules.AttemptsLeft(0, started, null));
    }

    [Fact]
    public void Another_attempt_may_start_only_while_some_are_left_or_they_are_unlimited()
    {
        Assert.True(AttemptRules.MayStartAnother(null));
        Assert.True(AttemptRules.MayStartAnother(1));
        Assert.False(AttemptRules.MayStartAnother(0));
    }

    [Fact]
    public void An_attempt_is_past_its_deadline_only_after_the_grace_and_filters_agree()
    {
        var deadline = AttemptRules.DeadlineFor(Start, 10)!.Value;
        var lastMoment = deadline + AttemptRules.DeadlineGrace;
        var attempt = new QuizAttempt { Status = AttemptStatus.InProgress, DeadlineAt = deadline };

        Assert.Equal(Start.AddMinutes(10), deadline);
        Assert.Null(AttemptRules.DeadlineFor(Start, null));
        Assert.False(AttemptRules.IsPastDeadline(deadline, lastMoment));
        Assert.True(AttemptRules.IsPastDeadline(deadline, lastMoment.AddTicks(1)));
        Assert.False(AttemptRules.IsPastDeadline(null, lastMoment.AddYears(1)));
        Assert.True(AttemptRules.SavedInTime(lastMoment, deadline));
        Assert.False(AttemptRules.SavedInTime(lastMoment.AddTicks(1), deadline));
        foreach (var now in new[] { deadline, lastMoment, lastMoment.AddTicks(1), lastMoment.AddDays(1) })
        {
            var abandoned = AttemptRules.Abandoned(now).Compile()(attempt);
            Assert.Equal(AttemptRules.IsPastDeadline(deadline, now), abandoned);
            Assert.NotEqual(abandoned, AttemptRules.CanStillBeFinished(now).Compile()(attempt));
        }
    }
}
