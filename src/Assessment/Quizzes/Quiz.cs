using Training.Courses.Catalog;

namespace Training.Assessment.Quizzes;

/// <summary>A module's quiz or a course's final assessment. Its questions live in versions.</summary>
public class Quiz
{
    public const string FinalKey = "final";

    public int Id { get; set; }

    public int CourseId { get; set; }

    public Course Course { get; set; } = null!;

    /// <summary>The module it checks; null for the final assessment.</summary>
    public int? ModuleId { get; set; }

    public Module? Module { get; set; }

    /// <summary>The module slug, or "final": unique within the course.</summary>
    public string Key { get; set; } = "";

    public int? CurrentVersionId { get; set; }

    public QuizVersion? CurrentVersion { get; set; }

    /// <summary>The file was removed. Kept because attempts point at its versions.</summary>
    public bool IsRetired { get; set; }
}
