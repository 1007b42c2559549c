using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Courses.Organisations;

namespace Training.Courses.People;

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> membership)
    {
        membership.HasIndex(m => new { m.UserId, m.From });
        membership.HasIndex(m => m.UnitId);
        membership.HasOne<TrainingUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitCoordinatorConfiguration : IEntityTypeConfiguration<UnitCoordinator>
{
    public void Configure(EntityTypeBuilder<UnitCoordinator> coordinator)
    {
        coordinator.HasKey(c => new { c.UserId, c.UnitId });
        coordinator.HasIndex(c => c.UnitId);
        coordinator.HasOne<TrainingUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        coordinator.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.UserId);
        invitation.HasOne<TrainingUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
