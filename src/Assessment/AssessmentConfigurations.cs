using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Assessment.Attempts;
using Training.Assessment.Quizzes;
using Training.Courses.People;

namespace Training.Assessment;

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> quiz)
    {
        quiz.HasIndex(q => new { q.CourseId, q.Key }).IsUnique();
        quiz.Property(q => q.Key).HasMaxLength(100);
        quiz.HasOne(q => q.Course).WithMany().HasForeignKey(q => q.CourseId);
        // No cascades from modules or versions: SQL Server refuses several cascade paths to one table.
        quiz.HasOne(q => q.Module).WithMany().HasForeignKey(q => q.ModuleId).OnDelete(DeleteBehavior.NoAction);
        quiz.HasOne(q => q.CurrentVersion).WithMany().HasForeignKey(q => q.CurrentVersionId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class QuizVersionConfiguration : IEntityTypeConfiguration<QuizVersion>
{
    public void Configure(EntityTypeBuilder<QuizVersion> version)
    {
        version.HasIndex(v => new { v.QuizId, v.ContentHash }).IsUnique();
        version.Property(v => v.ContentHash).HasMaxLength(64);
        version.HasOne(v => v.Quiz).WithMany().HasForeignKey(v => v.QuizId);
    }
}

internal sealed class QuizTranslationConfiguration : IEntityTypeConfiguration<QuizTranslation>
{
    public void Configure(EntityTypeBuilder<QuizTranslation> translation)
    {
        translation.HasIndex(t => new { t.QuizVersionId, t.Language, t.ContentHash }).IsUnique();
        translation.Property(t => t.Language).HasMaxLength(20);
        translation.Property(t => t.ContentHash).HasMaxLength(64);
        translation.HasOne(t => t.QuizVersion).WithMany().HasForeignKey(t => t.QuizVersionId);
    }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> attempt)
    {
        // One number per learner and quiz: two tabs starting "attempt 2" at once cannot both succeed.
        attempt.HasIndex(a => new { a.UserId, a.QuizId, a.Number }).IsUnique();
        attempt.HasIndex(a => new { a.QuizId, a.Status });
        attempt.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        attempt.Property(a => a.Score).HasPrecision(5, 2);
        attempt.HasOne<Quiz>().WithMany().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.NoAction);
        attempt.HasOne(a => a.QuizVersion).WithMany().HasForeignKey(a => a.QuizVersionId).OnDelete(DeleteBehavior.NoAction);
        attempt.Property(a => a.Language).HasMaxLength(20);
        attempt.HasOne<QuizTranslation>().WithMany().HasForeignKey(a => a.QuizTranslationId).OnDelete(DeleteBehavior.NoAction);
        attempt.HasOne<TrainingUser>().WithMany().HasForeignKey(a => a.UserId);
        attempt.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId);
    }
}

internal sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    public void Configure(EntityTypeBuilder<AttemptAnswer> answer)
    {
        answer.HasIndex(a => new { a.AttemptId, a.QuestionId }).IsUnique();
        answer.Property(a => a.QuestionId).HasMaxLength(100);
        answer.Property(a => a.SaveKey).HasMaxLength(100);
    }
}
