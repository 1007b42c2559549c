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

    // What the person did in the course, copied here by AssignmentFacts whenever it changes, so that
    // AssignmentRules can decide the state from this row alone (in SQL, for whole dashboards).

    /// <summary>When the person last completed the course (any round); null if never.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>When the latest completion's renewal window opens; null if its certificate does not expire.</summary>
    public DateTime? RenewableFrom { get; set; }

    /// <summary>When the latest completion's certificate expires; null if it does not.</summary>
    public DateTime? CertificateExpiresAt { get; set; }

    /// <summary>The person's latest visit to a module or module completion in the course.</summary>
    public DateTime? LastActivityAt { get; set; }

    /// <summary>The person's current unit, copied here so that a unit's figures are counted from this table alone.</summary>
    public int? UnitId { get; set; }

    /// <summary>
    /// Whether this row speaks for the person in this course. When several assignments give a person the same
    /// course (a unit's and their own), exactly one row is principal: the one whose state is the most urgent at
    /// every moment (see <see cref="AssignmentFacts"/>), so a person is counted, listed and reminded once per course.
    /// </summary>
    public bool IsPrincipal { get; set; } = true;
}
