using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Courses.Catalog;
using Training.Courses.People;
using Training.Courses.Progress;

namespace Training.Assessment.Certificates;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.HasIndex(c => c.Code).IsUnique();
        certificate.HasIndex(c => c.CourseCompletionId).IsUnique();
        // "The latest certificate per person and course" (expiry counts, digests) seeks on all three.
        certificate.HasIndex(c => new { c.UserId, c.CourseId, c.IssuedAt });
        // Certificates expiring soon: a range of this index, which also covers what the "not renewed since" and
        // "not revoked" checks read, so no certificate row is opened.
        certificate.HasIndex(c => new { c.ExpiresAt, c.RevokedAt, c.UserId, c.CourseId, c.IssuedAt });
        certificate.Property(c => c.Code).HasMaxLength(32);
        certificate.Property(c => c.LearnerName).HasMaxLength(200);
        certificate.Property(c => c.CourseTitle).HasMaxLength(300);
        certificate.Property(c => c.CourseVersion).HasMaxLength(40);
        certificate.Property(c => c.RevocationReason).HasMaxLength(1000);
        certificate.HasOne<TrainingUser>().WithMany().HasForeignKey(c => c.UserId);
        certificate.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.NoAction);
        certificate.HasOne<CourseCompletion>().WithMany().HasForeignKey(c => c.CourseCompletionId).OnDelete(DeleteBehavior.NoAction);
        certificate.HasOne<TrainingUser>().WithMany().HasForeignKey(c => c.RevokedByUserId).OnDelete(DeleteBehavior.NoAction);
    }
}
