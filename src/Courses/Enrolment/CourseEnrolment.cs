using Training.Courses.Catalog;
using Training.Courses.People;

namespace Training.Courses.Enrolment;

/// <summary>A learner taking a course. Leaving deletes it; completions stay, so re-enrolling resumes.</summary>
public class CourseEnrolment
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    public Course Course { get; set; } = null!;

    public string UserId { get; set; } = "";

    public TrainingUser User { get; set; } = null!;

    public DateTime EnrolledAt { get; set; }

    /// <summary>The module the learner opened last, for "continue where you left off".</summary>
    public int? LastModuleId { get; set; }

    public DateTime? LastVisitedAt { get; set; }
}
