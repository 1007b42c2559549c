namespace Training.Courses.Progress;

/// <summary>
/// Told when a learner completes a course, inside the same transaction, before it commits: the
/// Assessment module issues the certificate here, so a completion never exists without one.
/// </summary>
public interface ICourseCompletionListener
{
    Task OnCourseCompletedAsync(CourseCompletion completion, CancellationToken cancellationToken);
}
