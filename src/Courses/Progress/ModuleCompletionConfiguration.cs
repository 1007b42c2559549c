using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Courses.People;

namespace Training.Courses.Progress;

internal sealed class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> completion)
    {
        // The unique index makes "mark as complete" idempotent even when posted twice at once.
        completion.HasIndex(c => new { c.UserId, c.ModuleVersionId }).IsUnique();
        completion.HasIndex(c => new { c.UserId, c.ModuleId });
        completion.HasOne<TrainingUser>().WithMany().HasForeignKey(c => c.UserId);
        completion.HasOne(c => c.ModuleVersion).WithMany().HasForeignKey(c => c.ModuleVersionId);
    }
}

internal sealed class CourseCompletionConfiguration : IEntityTypeConfiguration<CourseCompletion>
{
    public void Configure(EntityTypeBuilder<CourseCompletion> completion)
    {
        // One completion per round: two requests completing the same course at once cannot both succeed.
        completion.HasIndex(c => new { c.UserId, c.CourseId, c.Round }).IsUnique();
        // Completions per month: each month is a range of this index (covering: who, for the scope).
        completion.HasIndex(c => new { c.CompletedAt, c.UserId });
        completion.HasOne<TrainingUser>().WithMany().HasForeignKey(c => c.UserId);
        completion.HasOne<Catalog.Course>().WithMany().HasForeignKey(c => c.CourseId);
    }
}
