using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Courses.People;

internal sealed class TrainingUserConfiguration : IEntityTypeConfiguration<TrainingUser>
{
    public void Configure(EntityTypeBuilder<TrainingUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(200);
        user.Property(u => u.JobTitle).HasMaxLength(200);
        user.HasIndex(u => u.UnitId);
        // Joins from assigned courses to a person's unit (the dashboard) read this index alone, not the wide row.
        user.HasIndex(u => new { u.Id, u.UnitId });
        user.HasOne<Organisations.Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        user.Property(u => u.TimeZoneId).HasMaxLength(64);
        user.Property(u => u.Language).HasMaxLength(10);
    }
}
