namespace Training.Courses.Progress;

/// <summary>A learner completed a course: every module, and the final assessment when it has one.</summary>
public class CourseCompletion
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int CourseId { get; set; }

    public DateTime CompletedAt { get; set; }
}
