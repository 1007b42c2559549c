using Training.Courses;

namespace Training.Assessment;

/// <summary>
/// The part of the site's DbContext the Assessment module uses. It extends the Courses part because
/// grading a quiz completes modules and courses in the same transaction.
/// </summary>
public interface IAssessmentDbContext : ICoursesDbContext
{
}
