using Training.Courses.Assignments;

namespace Training.Courses.Tests.Assignments;

public sealed class AssignmentRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AssignedCourse Due(int year, int month, int day, DateOnly? extended = null, DateTime? activity = null) =>
        new() { DueOn = new DateOnly(year, month, day), ExtendedTo = extended, AssignedAt = Now.AddDays(-10), LastActivityAt = activity };

    private static AssignedCourse Completed(AssignedCourse assigned, DateTime completedAt, DateTime renewableFrom, DateTime expiresAt)
    {
        assigned.CompletedAt = completedAt;
        assigned.RenewableFrom = renewableFrom;
        assigned.CertificateExpiresAt = expiresAt;
        return assigned;
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_due_date()
    {
        Assert.Equal(AssignmentState.NotStarted, AssignmentRules.StatusOf(Due(2026, 12, 1), Now).State);
        Assert.Equal(AssignmentState.Overdue, AssignmentRules.StatusOf(Due(2026, 11, 30), Now).State);
        Assert.Equal(AssignmentState.InProgress, AssignmentRules.StatusOf(Due(2026, 12, 1, activity: Now.AddDays(-1)), Now).State);
    }

    [Fact]
    public void An_extension_moves_the_due_date()
    {
        var status = AssignmentRules.StatusOf(Due(2026, 11, 1, extended: new DateOnly(2026, 12, 24)), Now);
        Assert.Equal((AssignmentState.NotStarted, new DateOnly(2026, 12, 24)), (status.State, status.DueOn));
    }

    [Fact]
    public void A_completion_counts_until_its_renewal_window_opens_then_it_is_due_by_the_expiry()
    {
        var assigned = Completed(Due(2026, 1, 1, activity: Now.AddMonths(-10)), Now.AddMonths(-10), Now.AddDays(5), Now.AddDays(95));
        Assert.Equal(AssignmentState.Completed, AssignmentRules.StatusOf(assigned, Now).State);

        // Activity before the window opened does not count as starting the renewal.
        var renewing = AssignmentRules.StatusOf(assigned, Now.AddDays(6));
        Assert.Equal((AssignmentState.NotStarted, DateOnly.FromDateTime(Now.AddDays(95)), true), (renewing.State, renewing.DueOn, renewing.Recertifying));

        assigned.LastActivityAt = Now.AddDays(6);
        Assert.Equal(AssignmentState.InProgress, AssignmentRules.StatusOf(assigned, Now.AddDays(7)).State);
        Assert.Equal(AssignmentState.InProgress, AssignmentRules.StatusOf(assigned, Now.AddDays(95)).State);
        Assert.Equal(AssignmentState.Overdue, AssignmentRules.StatusOf(assigned, Now.AddDays(96)).State);
    }

    [Fact]
    public void An_assignment_made_after_a_certificate_expired_is_due_by_its_own_date_not_overdue_at_once()
    {
        var assigned = Completed(Due(2026, 12, 31), Now.AddYears(-3), Now.AddYears(-1).AddDays(-90), Now.AddYears(-1));

        var status = AssignmentRules.StatusOf(assigned, Now);

        Assert.Equal((AssignmentState.NotStarted, new DateOnly(2026, 12, 31), true), (status.State, status.DueOn, status.Recertifying));
    }

    [Fact]
    public void Exempt_wins_over_everything()
    {
        var exempt = Due(2020, 1, 1);
        exempt.ExemptAt = Now;
        Assert.Equal(AssignmentState.Exempt, AssignmentRules.StatusOf(exempt, Now).State);
    }
}
