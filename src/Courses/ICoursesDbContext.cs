using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Training.Courses.Assignments;
using Training.Courses.Audit;
using Training.Courses.Catalog;
using Training.Courses.Organisations;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;

namespace Training.Courses;

/// <summary>
/// The part of the site's single DbContext that the Courses module reads and writes.
/// The host's context implements it; services use it directly (no repository on top).
/// </summary>
public interface ICoursesDbContext
{
    DbSet<TrainingUser> Users { get; }

    DbSet<IdentityRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    DbSet<Unit> Units { get; }

    DbSet<UnitMembership> UnitMemberships { get; }

    DbSet<UnitCoordinator> UnitCoordinators { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Assignment> Assignments { get; }

    DbSet<AssignedCourse> AssignedCourses { get; }

    DbSet<Course> Courses { get; }

    DbSet<Content.CourseSourceFile> CourseSourceFiles { get; }

    DbSet<Authoring.CourseDraftFile> CourseDraftFiles { get; }

    DbSet<Authoring.CoursePublication> CoursePublications { get; }

    DbSet<Authoring.CourseTrainer> CourseTrainers { get; }

    DbSet<Module> Modules { get; }

    DbSet<ModuleVersion> ModuleVersions { get; }

    DbSet<GlossaryTerm> GlossaryTerms { get; }

    DbSet<CourseTranslation> CourseTranslations { get; }

    DbSet<ModuleTranslation> ModuleTranslations { get; }

    DbSet<CourseEnrolment> Enrolments { get; }

    DbSet<ModuleCompletion> ModuleCompletions { get; }

    DbSet<CourseCompletion> CourseCompletions { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
