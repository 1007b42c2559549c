namespace Training.Courses.Assignments;

/// <summary>
/// One person under one assignment: when they came under it, their due date, and any exemption or
/// extension a coordinator gave with a reason. Kept in step by <see cref="AssignmentSync"/>.
/// </summary>
public class AssignedCourse
{
    public long Id { get; set; }

    public int AssignmentId { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Copied from the assignment so that lists and reminders read one table.</summary>
    public int CourseId { get; set; }

    public DateTime AssignedAt { get; set; }

    /// <summary>The due date from the assignment's rule, for this person.</summary>
    public DateOnly DueOn { get; set; }

    public DateOnly? ExtendedTo { get; set; }

    public string? ExtensionReason { get; set; }

    public DateTime? ExemptAt { get; set; }

    public string? ExemptionReason { get; set; }
}
