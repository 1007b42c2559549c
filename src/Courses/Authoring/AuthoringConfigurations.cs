using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Courses.Catalog;
using Training.Courses.People;

namespace Training.Courses.Authoring;

internal sealed class CourseDraftFileConfiguration : IEntityTypeConfiguration<CourseDraftFile>
{
    public void Configure(EntityTypeBuilder<CourseDraftFile> file)
    {
        file.Property(f => f.Path).HasMaxLength(400);
        file.Property(f => f.UpdatedByName).HasMaxLength(256);
        file.Property(f => f.Revision).IsConcurrencyToken();
        file.HasIndex(f => new { f.CourseId, f.Path }).IsUnique();
        file.HasOne<Course>().WithMany().HasForeignKey(f => f.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoursePublicationConfiguration : IEntityTypeConfiguration<CoursePublication>
{
    public void Configure(EntityTypeBuilder<CoursePublication> publication)
    {
        publication.HasIndex(p => new { p.CourseId, p.Number }).IsUnique();
        publication.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        publication.Property(p => p.Note).HasMaxLength(2000);
        publication.Property(p => p.AuthorName).HasMaxLength(256);
        publication.HasOne<Course>().WithMany().HasForeignKey(p => p.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseTrainerConfiguration : IEntityTypeConfiguration<CourseTrainer>
{
    public void Configure(EntityTypeBuilder<CourseTrainer> trainer)
    {
        trainer.HasKey(t => new { t.CourseId, t.UserId });
        trainer.HasIndex(t => t.UserId);
        trainer.HasOne<Course>().WithMany().HasForeignKey(t => t.CourseId).OnDelete(DeleteBehavior.Cascade);
        trainer.HasOne<TrainingUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
