namespace Training.Courses.Assignments;

/// <summary>
/// A course made mandatory for a unit (and everything below it, including people who join later) or for
/// one person, with a due date that is fixed or relative to when each person came under it.
/// </summary>
public class Assignment
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    /// <summary>Set for a unit assignment; null when the assignment names one person.</summary>
    public int? UnitId { get; set; }

    /// <summary>Set for a person assignment.</summary>
    public string? UserId { get; set; }

    /// <summary>A fixed due date, or null when <see cref="DueDays"/> is set.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Days after the person is assigned (or joins the unit); null when <see cref="DueOn"/> is set.</summary>
    public int? DueDays { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }
}
