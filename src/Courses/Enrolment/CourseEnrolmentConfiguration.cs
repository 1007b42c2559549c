using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Courses.Enrolment;

internal sealed class CourseEnrolmentConfiguration : IEntityTypeConfiguration<CourseEnrolment>
{
    public void Configure(EntityTypeBuilder<CourseEnrolment> enrolment)
    {
        enrolment.HasIndex(e => new { e.UserId, e.CourseId }).IsUnique();
        enrolment.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId);
        enrolment.HasOne(e => e.Course).WithMany().HasForeignKey(e => e.CourseId);
    }
}
