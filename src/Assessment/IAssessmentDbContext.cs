using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Assessment.Attempts;
using Training.Assessment.Certificates;
using Training.Assessment.Quizzes;
using Training.Courses;

namespace Training.Assessment;

/// <summary>
/// The part of the site's DbContext the Assessment module uses. It extends the Courses part because
/// grading a quiz completes modules and courses in the same transaction.
/// </summary>
public interface IAssessmentDbContext : ICoursesDbContext
{
    DbSet<Quiz> Quizzes { get; }

    DbSet<QuizVersion> QuizVersions { get; }

    DbSet<QuizTranslation> QuizTranslations { get; }

    DbSet<QuizAttempt> QuizAttempts { get; }

    DbSet<AttemptAnswer> AttemptAnswers { get; }

    DbSet<Certificate> Certificates { get; }

    ChangeTracker ChangeTracker { get; }
}
