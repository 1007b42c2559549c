using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Training.Assessment;
using Training.Assessment.Attempts;
using Training.Assessment.Certificates;
using Training.Assessment.Quizzes;
using Training.Courses;
using Training.Courses.Catalog;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// The site's one model: Identity, data-protection keys and every module's entities.
/// Each provider has a subclass so that each keeps its own migrations.
/// </summary>
public abstract class TrainingDbContext(DbContextOptions options)
    : IdentityDbContext<TrainingUser>(options), IDataProtectionKeyContext, IAssessmentDbContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<Module> Modules => Set<Module>();

    public DbSet<ModuleVersion> ModuleVersions => Set<ModuleVersion>();

    public DbSet<GlossaryTerm> GlossaryTerms => Set<GlossaryTerm>();

    public DbSet<CourseEnrolment> Enrolments => Set<CourseEnrolment>();

    public DbSet<ModuleCompletion> ModuleCompletions => Set<ModuleCompletion>();

    public DbSet<CourseCompletion> CourseCompletions => Set<CourseCompletion>();

    public DbSet<Quiz> Quizzes => Set<Quiz>();

    public DbSet<QuizVersion> QuizVersions => Set<QuizVersion>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<AttemptAnswer> AttemptAnswers => Set<AttemptAnswer>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyCoursesModel();
        builder.ApplyAssessmentModel();
        builder.ApplyConfiguration(new Mail.OutboxMessageConfiguration());
        builder.ApplyConfiguration(new Mail.OutboxAttemptConfiguration());
        builder.ApplyConfiguration(new Features.Reminders.ReminderLogConfiguration());
    }
}
