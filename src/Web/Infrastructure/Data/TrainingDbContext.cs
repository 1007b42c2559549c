using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Training.Assessment;
using Training.Assessment.Attempts;
using Training.Assessment.Certificates;
using Training.Assessment.Quizzes;
using Training.Courses;
using Training.Courses.Assignments;
using Training.Courses.Audit;
using Training.Courses.Catalog;
using Training.Courses.Content;
using Training.Courses.Enrolment;
using Training.Courses.Organisations;
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

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();

    public DbSet<UnitCoordinator> UnitCoordinators => Set<UnitCoordinator>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<AssignedCourse> AssignedCourses => Set<AssignedCourse>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseSourceFile> CourseSourceFiles => Set<CourseSourceFile>();

    public DbSet<Courses.Authoring.CourseDraftFile> CourseDraftFiles => Set<Courses.Authoring.CourseDraftFile>();

    public DbSet<Courses.Authoring.CoursePublication> CoursePublications => Set<Courses.Authoring.CoursePublication>();

    public DbSet<Courses.Authoring.CourseTrainer> CourseTrainers => Set<Courses.Authoring.CourseTrainer>();

    public DbSet<Module> Modules => Set<Module>();

    public DbSet<ModuleVersion> ModuleVersions => Set<ModuleVersion>();

    public DbSet<GlossaryTerm> GlossaryTerms => Set<GlossaryTerm>();

    public DbSet<CourseTranslation> CourseTranslations => Set<CourseTranslation>();

    public DbSet<ModuleTranslation> ModuleTranslations => Set<ModuleTranslation>();

    public DbSet<CourseEnrolment> Enrolments => Set<CourseEnrolment>();

    public DbSet<ModuleCompletion> ModuleCompletions => Set<ModuleCompletion>();

    public DbSet<CourseCompletion> CourseCompletions => Set<CourseCompletion>();

    public DbSet<Quiz> Quizzes => Set<Quiz>();

    public DbSet<QuizVersion> QuizVersions => Set<QuizVersion>();

    public DbSet<QuizTranslation> QuizTranslations => Set<QuizTranslation>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<AttemptAnswer> AttemptAnswers => Set<AttemptAnswer>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Features.Reminders.ReminderOptOut> ReminderOptOuts => Set<Features.Reminders.ReminderOptOut>();

    // The audit log is append-only: refuse a change to an entry before it reaches the database (whose
    // triggers refuse it too, for ExecuteUpdate/ExecuteDelete and anything outside the site). And the facts
    // the assignment rules read are copied onto assigned courses after any save that changes them.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        var touched = AssignmentFacts.PeopleTouched(ChangeTracker);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (touched.Count > 0)
        {
            await AssignmentFacts.RefreshAsync(this, touched, cancellationToken);
        }
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        var touched = AssignmentFacts.PeopleTouched(ChangeTracker);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (touched.Count > 0)
        {
            AssignmentFacts.RefreshAsync(this, touched, CancellationToken.None).GetAwaiter().GetResult();
        }
        return saved;
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyCoursesModel();
        builder.ApplyAssessmentModel();
        builder.ApplyConfiguration(new Mail.OutboxMessageConfiguration());
        builder.ApplyConfiguration(new Mail.OutboxAttemptConfiguration());
        builder.ApplyConfiguration(new Features.Reminders.ReminderLogConfiguration());
        builder.ApplyConfiguration(new Features.Reminders.ReminderOptOutConfiguration());
    }
}
