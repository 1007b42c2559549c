namespace Training.Courses.Assignments;

public enum AssignmentState { NotStarted, InProgress, Completed, Overdue, Exempt }

/// <summary>The course's latest completion as the rules need it.</summary>
/// <param name="RenewableFrom">When the renewal window opens (null: the certificate does not expire).</param>
/// <param name="ExpiresOn">When the certificate expires (null: it does not).</param>
public sealed record CompletionFacts(DateTime CompletedAt, DateTime? RenewableFrom, DateOnly? ExpiresOn);

/// <summary>Where one person stands with one assigned course, and until when.</summary>
public sealed record AssignmentStatus(AssignmentState State, DateOnly? DueOn, bool Recertifying);

/// <summary>
/// The one home of "what state is this assigned course in": the learner's home, coordinator lists,
/// dashboards, exports and reminders all ask here, so "overdue" means one thing everywhere.
/// </summary>
public static class AssignmentRules
{
    /// <summary>The due date for someone who came under an assignment at <paramref name="assignedAt"/>.</summary>
    public static DateOnly DueFor(Assignment assignment, DateTime assignedAt) =>
        assignment.DueOn ?? DateOnly.FromDateTime(assignedAt).AddDays(assignment.DueDays ?? 0);

    /// <param name="startedSince">Whether the person did anything in the course (opened or completed a module,
    /// started a quiz) since <paramref name="startedAfter"/> is asked about: the caller answers for the moment the
    /// rules ask (<see cref="StartedAfter"/>).</param>
    public static AssignmentStatus StatusOf(AssignedCourse assigned, CompletionFacts? latestCompletion, bool startedSince, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        if (assigned.ExemptAt is not null)
        {
            return new AssignmentStatus(AssignmentState.Exempt, null, false);
        }
        if (latestCompletion is not null)
        {
            // Done, unless the certificate's renewal window has opened: then it is due again by its expiry.
            if (latestCompletion.RenewableFrom is not { } renewable || now < renewable)
            {
                return new AssignmentStatus(AssignmentState.Completed, null, false);
            }
            // Due by the certificate's expiry; never earlier than the assignment's own date or an extension
            // (an assignment made after a certificate already expired is not overdue the day it is made).
            var expiry = latestCompletion.ExpiresOn ?? DateOnly.FromDateTime(renewable);
            var recertDue = new[] { expiry, assigned.DueOn, assigned.ExtendedTo ?? expiry }.Max();
            return new AssignmentStatus(Open(today, recertDue, startedSince), recertDue, true);
        }
        var due = assigned.ExtendedTo ?? assigned.DueOn;
        return new AssignmentStatus(Open(today, due, startedSince), due, false);
    }

    /// <summary>Since when activity counts as "in progress": the renewal window's opening while recertifying.</summary>
    public static DateTime StartedAfter(CompletionFacts? latestCompletion, DateTime now) =>
        latestCompletion?.RenewableFrom is { } renewable && now >= renewable ? renewable : DateTime.MinValue;

    /// <summary>Overdue from the day after the due date.</summary>
    public static bool IsOverdue(DateOnly due, DateOnly today) => today > due;

    private static AssignmentState Open(DateOnly today, DateOnly due, bool started) =>
        IsOverdue(due, today) ? AssignmentState.Overdue : started ? AssignmentState.InProgress : AssignmentState.NotStarted;
}
