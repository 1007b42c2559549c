using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Courses.People;

internal sealed class TrainingUserConfiguration : IEntityTypeConfiguration<TrainingUser>
{
    public void Configure(EntityTypeBuilder<TrainingUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(200);
    }
}
