using Microsoft.EntityFrameworkCore;
using Training.Assessment.Quizzes;
using Training.Courses.Audit;
using Training.Courses.Content;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Authoring;

public sealed record ArchivedCourse(string Slug, string Title, CourseManagement ManagedBy, bool HasFiles);

/// <summary>
/// A course in the folder format, out of the site and into it: export gives the files exactly as they were
/// imported; import reads a zip through the same pipeline as course-content/ and keeps the course on the site.
/// </summary>
public sealed class CourseArchive(TrainingDbContext db, CourseAuthoring authoring)
{
    /// <summary>Every course with whether its files can be exported, for the trainer's page.</summary>
    public Task<List<ArchivedCourse>> ListAsync(CancellationToken cancellationToken) =>
        db.Courses.AsNoTracking().OrderBy(c => c.Title)
            .Select(c => new ArchivedCourse(c.Slug, c.Title, c.ManagedBy, db.CourseSourceFiles.Any(f => f.CourseId == c.Id)))
            .ToListAsync(cancellationToken);

    /// <summary>The course's files as last imported; null when there is no such course or nothing is kept for it.</summary>
    public async Task<CourseFiles?> ExportAsync(string slug, CancellationToken cancellationToken)
    {
        var files = await db.CourseSourceFiles.AsNoTracking().Where(f => db.Courses.Any(c => c.Id == f.CourseId && c.Slug == slug))
            .Select(f => new { f.Path, f.Content }).ToListAsync(cancellationToken);
        return files.Count == 0 ? null : CourseFiles.FromStored(slug, files.Select(f => (f.Path, f.Content)));
    }

    /// <summary>
    /// Imports a zip of a course folder as a course kept on the site: new, or a new version of one the site
    /// already keeps. The course's address is <paramref name="slug"/>. Nothing is written when it has problems.
    /// </summary>
    public async Task<CourseImportResult> ImportAsync(Stream zip, string slug, string displayName, CancellationToken cancellationToken) =>
        await ImportAsync(Actor.CommandLine(), zip, slug, displayName, cancellationToken);

    /// <summary>As <see cref="ImportAsync(Stream, string, string, CancellationToken)"/>, audited as the actor's.</summary>
    public async Task<CourseImportResult> ImportAsync(Actor actor, Stream zip, string slug, string displayName, CancellationToken cancellationToken)
    {
        CourseFiles files;
        try
        {
            files = CourseFiles.FromZip(zip, slug, displayName);
        }
        catch (InvalidDataException)
        {
            return new CourseImportResult(false, null, [new ContentProblem(displayName, 1, "This is not a zip file: export a course folder as a .zip and try again.")]);
        }
        return await authoring.ImportAsync(actor, files, $"{displayName}: {files.Paths.Count} files", cancellationToken);
    }
}
