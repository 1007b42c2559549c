using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Courses.Organisations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(Unit.MaxNameLength);
        unit.Property(u => u.Path).HasMaxLength(800);
        unit.Property(u => u.Lineage).HasMaxLength(400);
        unit.HasIndex(u => u.Lineage).IsUnique();
        unit.HasIndex(u => u.Path);
        unit.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        unit.Ignore(u => u.IsOrganisation);
    }
}
