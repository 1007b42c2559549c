using Microsoft.EntityFrameworkCore;
using Training.Courses.Content;
using Training.Courses.Enrolment;
using Training.Courses.Progress;

namespace Training.Courses.Catalog;

/// <summary>
/// One module page: its cached HTML, where it sits in the course and the learner's progress, in two indexed
/// reads (three for a translation): the course with its module list and the learner's enrolment, then the
/// module's current version with the versions the learner completed.
/// </summary>
public sealed class ModuleQuery(ICoursesDbContext db)
{
    /// <summary>
    /// A file of the course as the site last imported it (an image a module shows), by its exact path in the
    /// course folder; null when the course has no such file. Only kept files match, so no path leads outside.
    /// </summary>
    public Task<byte[]?> MediaAsync(string courseSlug, string path, CancellationToken cancellationToken) =>
        db.CourseSourceFiles.Where(f => f.Path == path && db.Courses.Any(c => c.Id == f.CourseId && c.Slug == courseSlug))
            .Select(f => f.Content).FirstOrDefaultAsync(cancellationToken);

    /// <param name="language">The learner's language (ISO 639-1): the module's translation into it is shown when there is one.</param>
    public async Task<ModulePage?> GetAsync(string courseSlug, string moduleSlug, string userId, string language, CancellationToken cancellationToken)
    {
        // The site's context is the one DbContext behind every module's interface.
        var context = (DbContext)db;
        var course = await CourseWithModules(context, courseSlug, userId, language, cancellationToken);
        var index = course?.Modules.FindIndex(m => m.Slug == moduleSlug) ?? -1;
        if (course is null || index < 0)
        {
            return null;
        }
        var moduleId = course.Modules[index].Id;
        var version = await CurrentVersion(context, moduleId, userId, cancellationToken);
        var translation = language == course.Language ? null : await db.ModuleTranslations.AsNoTracking()
            .Where(t => t.ModuleVersionId == version.CurrentVersionId && t.Language == language)
            .Select(t => new { t.Title, t.Objectives, t.Html, t.TableOfContents })
            .SingleOrDefaultAsync(cancellationToken);
        var completedVersions = version.CompletedVersions;

        ModuleLink? Link(int i) => i >= 0 && i < course.Modules.Count ? new ModuleLink(course.Modules[i].Slug, course.Modules[i].Title) : null;
        return new ModulePage(courseSlug, course.Title, moduleSlug, translation?.Title ?? version.Title, version.EstimatedMinutes,
            (translation?.Objectives ?? version.Objectives).Split('\n', StringSplitOptions.RemoveEmptyEntries), translation?.Html ?? version.Html,
            ParseTableOfContents(translation?.TableOfContents ?? version.TableOfContents),
            index + 1, course.Modules.Count, Link(index - 1), Link(index + 1), course.Enrolled,
            completedVersions.Count > 0, completedVersions.Count > 0 && !completedVersions.Contains(version.CurrentVersionId!.Value), version.Sources, version.HasQuiz)
        {
            Language = translation is null ? course.Language : language,
            OriginalLanguage = course.Language,
            NotInLearnerLanguage = translation is null && language != course.Language,
            Visit = course.Enrolled ? new ModuleVisit(course.Id, moduleId, course.LastModuleId, course.LastVisitedAt) : null,
        };
    }

    // The module page is the page learners open most: its two reads are compiled once, so a request skips
    // EF Core's expression-tree work and goes straight to SQL (bench/README.md, "Where the CPU goes").
    private static readonly Func<DbContext, string, string, string, CancellationToken, Task<CourseRow?>> CourseWithModules =
        EF.CompileAsyncQuery((DbContext db, string courseSlug, string userId, string language, CancellationToken _) =>
            db.Set<Course>().AsNoTracking()
                .Where(c => c.Slug == courseSlug && c.IsPublished)
                .Select(c => new CourseRow(
                    c.Id, c.Language,
                    c.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() ?? c.Title,
                    c.Modules.Where(m => !m.IsRetired).OrderBy(m => m.Position)
                        .Select(m => new ModuleRow(m.Id, m.Slug,
                            m.CurrentVersion!.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() ?? m.CurrentVersion.Title))
                        .ToList(),
                    db.Set<CourseEnrolment>().Any(e => e.CourseId == c.Id && e.UserId == userId),
                    db.Set<CourseEnrolment>().Where(e => e.CourseId == c.Id && e.UserId == userId).Select(e => e.LastModuleId).FirstOrDefault(),
                    db.Set<CourseEnrolment>().Where(e => e.CourseId == c.Id && e.UserId == userId).Select(e => e.LastVisitedAt).FirstOrDefault()))
                .SingleOrDefault());

    private static readonly Func<DbContext, int, string, CancellationToken, Task<VersionRow>> CurrentVersion =
        EF.CompileAsyncQuery((DbContext db, int moduleId, string userId, CancellationToken _) =>
            db.Set<Module>().AsNoTracking().Where(m => m.Id == moduleId)
                .Select(m => new VersionRow(
                    m.CurrentVersionId, m.HasQuiz, m.CurrentVersion!.Title, m.CurrentVersion.EstimatedMinutes, m.CurrentVersion.Objectives,
                    m.CurrentVersion.Html, m.CurrentVersion.TableOfContents, m.CurrentVersion.Sources,
                    db.Set<ModuleCompletion>().Where(c => c.UserId == userId && c.ModuleId == m.Id).Select(c => c.ModuleVersionId).ToList()))
                .Single());

    private sealed record CourseRow(int Id, string Language, string Title, List<ModuleRow> Modules, bool Enrolled, int? LastModuleId, DateTime? LastVisitedAt);

    private sealed record ModuleRow(int Id, string Slug, string Title);

    private sealed record VersionRow(int? CurrentVersionId, bool HasQuiz, string Title, int EstimatedMinutes, string Objectives, string Html,
        string TableOfContents, string Sources, List<int> CompletedVersions);

    private static List<TableOfContentsEntry> ParseTableOfContents(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 3))
            .Where(parts => parts.Length == 3)
            .Select(parts => new TableOfContentsEntry(parts[0] == "3" ? 3 : 2, parts[1], parts[2]))
            .ToList();
}
