using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Courses.Catalog;
using Training.Courses.Organisations;
using Training.Courses.People;

namespace Training.Courses.Assignments;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<TrainingUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasIndex(a => a.UnitId);
        assignment.HasIndex(a => a.UserId);
    }
}

internal sealed class AssignedCourseConfiguration : IEntityTypeConfiguration<AssignedCourse>
{
    public void Configure(EntityTypeBuilder<AssignedCourse> assigned)
    {
        assigned.Property(a => a.ExtensionReason).HasMaxLength(1000);
        assigned.Property(a => a.ExemptionReason).HasMaxLength(1000);
        assigned.HasOne<Assignment>().WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        assigned.HasOne<TrainingUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        assigned.HasIndex(a => new { a.AssignmentId, a.UserId }).IsUnique();
        // The learner's home, reminders and dashboards read by person and course; the dashboard counts every
        // state from this index alone (it covers what AssignmentRules reads).
        assigned.HasIndex(a => new
        {
            a.UserId, a.CourseId, a.ExemptAt, a.CompletedAt, a.RenewableFrom, a.CertificateExpiresAt, a.DueOn, a.ExtendedTo, a.LastActivityAt,
        }).HasDatabaseName("IX_AssignedCourses_UserId_CourseId_State");
        // Dashboards count principal rows by unit, course and state from this index alone, in its order (no sort).
        assigned.HasIndex(a => new
        {
            a.IsPrincipal, a.UnitId, a.CourseId, a.ExemptAt, a.CompletedAt, a.RenewableFrom, a.CertificateExpiresAt, a.DueOn, a.ExtendedTo, a.LastActivityAt,
        }).HasDatabaseName("IX_AssignedCourses_Principal_UnitId_CourseId_State");
        assigned.HasIndex(a => new { a.CourseId, a.DueOn });
    }
}
