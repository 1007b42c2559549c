using System.Linq.Expressions;

namespace Training.Courses.Assignments;

/// <summary>
/// Where one person stands with one assigned course. Declared most urgent first: when several assignments
/// give a person the same course, the lowest value is their state for it (counted, listed and reminded once).
/// </summary>
public enum AssignmentState { Overdue, InProgress, NotStarted, Completed, Exempt }

/// <summary>Where one person stands with one assigned course, and until when.</summary>
public sealed record AssignmentStatus(AssignmentState State, DateOnly? DueOn, bool Recertifying);

/// <summary>
/// The one home of "what state is this assigned course in": the learner's home, coordinator lists,
/// dashboards, exports and reminders all ask here, so "overdue" means one thing everywhere. The rule is an
/// expression over the <see cref="AssignedCourse"/> row (whose facts <see cref="AssignmentFacts"/> keeps in
/// step), so the database evaluates it for a whole dashboard and the same rule, compiled, serves objects in memory.
/// </summary>
public static class AssignmentRules
{
    /// <summary>The due date for someone who came under an assignment at <paramref name="assignedAt"/>.</summary>
    public static DateOnly DueFor(Assignment assignment, DateTime assignedAt) =>
        assignment.DueOn ?? DateOnly.FromDateTime(assignedAt).AddDays(assignment.DueDays ?? 0);

    /// <summary>
    /// The rule, with the moment it is asked at (<c>now</c>) and the start of that day (<c>today</c>):
    /// exempt; else done, unless the latest certificate's renewal window has opened; else overdue from the
    /// day after the due date (while renewing: after the certificate's expiry, and never before the
    /// assignment's own date or an extension); else in progress once the person did anything in the course
    /// (while renewing: since the window opened); else not started.
    /// </summary>
    private static readonly Expression<Func<AssignedCourse, DateTime, DateTime, AssignmentState>> Rule = (a, now, today) =>
        a.ExemptAt != null ? AssignmentState.Exempt
        : a.CompletedAt != null && (a.RenewableFrom == null || now < a.RenewableFrom) ? AssignmentState.Completed
        : (a.CompletedAt != null
            ? a.CertificateExpiresAt < today && a.DueOn < DateOnly.FromDateTime(today) && (a.ExtendedTo == null || a.ExtendedTo < DateOnly.FromDateTime(today))
            : (a.ExtendedTo ?? a.DueOn) < DateOnly.FromDateTime(today)) ? AssignmentState.Overdue
        : (a.CompletedAt != null ? a.LastActivityAt > a.RenewableFrom : a.LastActivityAt != null) ? AssignmentState.InProgress
        : AssignmentState.NotStarted;

    private static readonly Func<AssignedCourse, DateTime, DateTime, AssignmentState> CompiledRule = Rule.Compile();

    /// <summary>The rule at <paramref name="now"/>, for queries (the moment becomes a query parameter).</summary>
    public static Expression<Func<AssignedCourse, AssignmentState>> StateAt(DateTime now)
    {
        var moment = new Moment(now, now.Date);
        var body = new Bind(Rule.Parameters[1], Expression.Property(Expression.Constant(moment), nameof(Moment.Now)),
            Rule.Parameters[2], Expression.Property(Expression.Constant(moment), nameof(Moment.Today))).Visit(Rule.Body);
        return Expression.Lambda<Func<AssignedCourse, AssignmentState>>(body, Rule.Parameters[0]);
    }

    public static AssignmentState StateOf(AssignedCourse assigned, DateTime now) => CompiledRule(assigned, now, now.Date);

    /// <summary>The state with the date it is due by (none once done or exempt) and whether it is a renewal.</summary>
    public static AssignmentStatus StatusOf(AssignedCourse assigned, DateTime now)
    {
        var state = StateOf(assigned, now);
        if (state is AssignmentState.Completed or AssignmentState.Exempt)
        {
            return new AssignmentStatus(state, null, false);
        }
        if (assigned.CompletedAt is null)
        {
            return new AssignmentStatus(state, assigned.ExtendedTo ?? assigned.DueOn, false);
        }
        // Renewing: due by the certificate's expiry, never earlier than the assignment's own date or an extension.
        var expiry = DateOnly.FromDateTime(assigned.CertificateExpiresAt ?? assigned.RenewableFrom ?? now);
        return new AssignmentStatus(state, new[] { expiry, assigned.DueOn, assigned.ExtendedTo ?? expiry }.Max(), true);
    }

    private sealed record Moment(DateTime Now, DateTime Today);

    private sealed class Bind(ParameterExpression now, Expression nowValue, ParameterExpression today, Expression todayValue) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == now ? nowValue : node == today ? todayValue : base.VisitParameter(node);
    }
}
