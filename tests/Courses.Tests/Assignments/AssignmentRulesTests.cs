using Training.Courses.Assignments;

namespace Training.Courses.Tests.Assignments;

public sealed class AssignmentRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AssignedCourse Due(int year, int month, int day, DateOnly? extended = null) =>
        new() { DueOn = new DateOnly(year, month, day), ExtendedTo = extended, AssignedAt = Now.AddDays(-10) };

    [Fact]
    public void Overdue_starts_the_day_after_the_due_date()
    {
        Assert.Equal(AssignmentState.NotStarted, AssignmentRules.StatusOf(Due(2026, 12, 1), null, false, Now).State);
        Assert.Equal(AssignmentState.Overdue, AssignmentRules.StatusOf(Due(2026, 11, 30), null, false, Now).State);
        Assert.Equal(AssignmentState.InProgress, AssignmentRules.StatusOf(Due(2026, 12, 1), null, true, Now).State);
    }

    [Fact]
    public void An_extension_moves_the_due_date()
    {
        var status = AssignmentRules.StatusOf(Due(2026, 11, 1, extended: new DateOnly(2026, 12, 24)), null, false, Now);
        Assert.Equal((AssignmentState.NotStarted, new DateOnly(2026, 12, 24)), (status.State, status.DueOn));
    }

    [Fact]
    public void A_completion_counts_until_its_renewal_window_opens_then_it_is_due_by_the_expiry()
    {
        var completion = new CompletionFacts(Now.AddMonths(-10), RenewableFrom: Now.AddDays(5), ExpiresOn: DateOnly.FromDateTime(Now.AddDays(95)));
        Assert.Equal(AssignmentState.Completed, AssignmentRules.StatusOf(Due(2026, 1, 1), completion, false, Now).State);

        var renewing = AssignmentRules.StatusOf(Due(2026, 1, 1), completion, false, Now.AddDays(6));
        Assert.Equal((AssignmentState.NotStarted, DateOnly.FromDateTime(Now.AddDays(95)), true), (renewing.State, renewing.DueOn, renewing.Recertifying));
    }

    [Fact]
    public void An_assignment_made_after_a_certificate_expired_is_due_by_its_own_date_not_overdue_at_once()
    {
        var expired = new CompletionFacts(Now.AddYears(-3), RenewableFrom: Now.AddYears(-1).AddDays(-90), ExpiresOn: DateOnly.FromDateTime(Now.AddYears(-1)));

        var status = AssignmentRules.StatusOf(Due(2026, 12, 31), expired, false, Now);

        Assert.Equal((AssignmentState.NotStarted, new DateOnly(2026, 12, 31)), (status.State, status.DueOn));
    }

    [Fact]
    public void Exempt_wins_over_everything()
    {
        var exempt = Due(2020, 1, 1);
        exempt.ExemptAt = Now;
        Assert.Equal(AssignmentState.Exempt, AssignmentRules.StatusOf(exempt, null, false, Now).State);
    }

    [Fact]
    public void Two_assignments_of_one_course_count_once_with_the_most_urgent_state()
    {
        AssignedCourseStatus Row(long id, AssignmentState state, int day) =>
            new(new AssignedCourse { Id = id, UserId = "u", CourseId = 1 }, new AssignmentStatus(state, new DateOnly(2026, 12, day), false), null);

        var kept = Assert.Single(AssignmentStatusQuery.MostUrgentPerPersonAndCourse([Row(1, AssignmentState.Exempt, 1), Row(2, AssignmentState.Overdue, 20), Row(3, AssignmentState.NotStarted, 2)]));

        Assert.Equal(2, kept.Assigned.Id);
    }
}
