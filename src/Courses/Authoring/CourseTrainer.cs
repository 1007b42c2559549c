namespace Training.Courses.Authoring;

/// <summary>A trainer an admin has given a course to author. Admins author every course without one.</summary>
public class CourseTrainer
{
    public int CourseId { get; set; }

    public string UserId { get; set; } = "";

    public DateTime GrantedAt { get; set; }
}
