using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Courses.Catalog;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.HasIndex(c => c.Slug).IsUnique();
        course.Property(c => c.Slug).HasMaxLength(100);
        course.Property(c => c.Title).HasMaxLength(300);
        course.Property(c => c.Summary).HasMaxLength(2000);
        course.Property(c => c.Audience).HasMaxLength(1000);
        course.Property(c => c.Topics).HasMaxLength(1000);
        course.Property(c => c.Language).HasMaxLength(20);
        course.Property(c => c.EstimatedHours).HasPrecision(6, 2);
        course.Property(c => c.Sources).HasMaxLength(2000);
        course.Property(c => c.ContentHash).HasMaxLength(64);
        course.Ignore(c => c.TopicList);
        course.HasMany(c => c.Modules).WithOne(m => m.Course).HasForeignKey(m => m.CourseId);
        course.HasMany(c => c.Glossary).WithOne().HasForeignKey(t => t.CourseId);
        course.HasMany(c => c.Translations).WithOne().HasForeignKey(t => t.CourseId);
        course.Property(c => c.ManagedBy).HasConversion<string>().HasMaxLength(10);
    }
}

internal sealed class CourseSourceFileConfiguration : IEntityTypeConfiguration<Content.CourseSourceFile>
{
    public void Configure(EntityTypeBuilder<Content.CourseSourceFile> file)
    {
        file.Property(f => f.Path).HasMaxLength(400);
        file.HasIndex(f => new { f.CourseId, f.Path }).IsUnique();
        file.HasOne<Course>().WithMany().HasForeignKey(f => f.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModuleConfiguration : IEntityTypeConfiguration<Module>
{
    public void Configure(EntityTypeBuilder<Module> module)
    {
        module.HasIndex(m => new { m.CourseId, m.Slug }).IsUnique();
        module.Property(m => m.Slug).HasMaxLength(100);
        module.HasMany(m => m.Versions).WithOne(v => v.Module).HasForeignKey(v => v.ModuleId);
        // No cascade: SQL Server refuses two cascade paths from Module to ModuleVersion.
        module.HasOne(m => m.CurrentVersion).WithMany().HasForeignKey(m => m.CurrentVersionId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ModuleVersionConfiguration : IEntityTypeConfiguration<ModuleVersion>
{
    public void Configure(EntityTypeBuilder<ModuleVersion> version)
    {
        version.HasIndex(v => new { v.ModuleId, v.ContentHash }).IsUnique();
        version.Property(v => v.ContentHash).HasMaxLength(64);
        version.Property(v => v.Title).HasMaxLength(300);
        version.Property(v => v.Objectives).HasMaxLength(4000);
        version.Property(v => v.Sources).HasMaxLength(2000);
        version.Ignore(v => v.ObjectiveList);
        version.HasMany(v => v.Translations).WithOne(t => t.ModuleVersion).HasForeignKey(t => t.ModuleVersionId);
    }
}

internal sealed class GlossaryTermConfiguration : IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> term)
    {
        term.Property(t => t.Term).HasMaxLength(200);
        term.Property(t => t.Anchor).HasMaxLength(250);
        term.Property(t => t.Definition).HasMaxLength(4000);
        term.Property(t => t.Source).HasMaxLength(300);
    }
}

internal sealed class CourseTranslationConfiguration : IEntityTypeConfiguration<CourseTranslation>
{
    public void Configure(EntityTypeBuilder<CourseTranslation> translation)
    {
        translation.HasIndex(t => new { t.CourseId, t.Language }).IsUnique();
        translation.Property(t => t.Language).HasMaxLength(20);
        translation.Property(t => t.Title).HasMaxLength(300);
        translation.Property(t => t.Summary).HasMaxLength(2000);
        translation.HasMany(t => t.Glossary).WithOne().HasForeignKey(g => g.CourseTranslationId);
    }
}

internal sealed class GlossaryTermTranslationConfiguration : IEntityTypeConfiguration<GlossaryTermTranslation>
{
    public void Configure(EntityTypeBuilder<GlossaryTermTranslation> term)
    {
        term.Property(t => t.OriginalTerm).HasMaxLength(200);
        term.Property(t => t.Term).HasMaxLength(200);
        term.Property(t => t.Anchor).HasMaxLength(250);
        term.Property(t => t.Definition).HasMaxLength(4000);
        term.Property(t => t.Source).HasMaxLength(300);
    }
}

internal sealed class ModuleTranslationConfiguration : IEntityTypeConfiguration<ModuleTranslation>
{
    public void Configure(EntityTypeBuilder<ModuleTranslation> translation)
    {
        translation.HasIndex(t => new { t.ModuleVersionId, t.Language }).IsUnique();
        translation.Property(t => t.Language).HasMaxLength(20);
        translation.Property(t => t.ContentHash).HasMaxLength(64);
        translation.Property(t => t.Title).HasMaxLength(300);
        translation.Property(t => t.Objectives).HasMaxLength(4000);
    }
}
