using Microsoft.EntityFrameworkCore;
using Training.Courses.Content;

namespace Training.Courses.Catalog;

/// <summary>One module page: its cached HTML and where it sits in the course, in three indexed reads.</summary>
public sealed class ModuleQuery(ICoursesDbContext db)
{
    public async Task<ModulePage?> GetAsync(string courseSlug, string moduleSlug, string userId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking()
            .Where(c => c.Slug == courseSlug && c.IsPublished)
            .Select(c => new
            {
                c.Id, c.Title,
                Modules = c.Modules.Where(m => !m.IsRetired).OrderBy(m => m.Position)
                    .Select(m => new { m.Id, m.Slug, m.CurrentVersion!.Title }).ToList(),
                Enrolled = db.Enrolments.Any(e => e.CourseId == c.Id && e.UserId == userId),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var index = course?.Modules.FindIndex(m => m.Slug == moduleSlug) ?? -1;
        if (course is null || index < 0)
        {
            return null;
        }
        var moduleId = course.Modules[index].Id;
        var version = await db.Modules.AsNoTracking().Where(m => m.Id == moduleId)
            .Select(m => new { m.CurrentVersionId, m.HasQuiz, m.CurrentVersion!.Title, m.CurrentVersion.EstimatedMinutes, m.CurrentVersion.Objectives, m.CurrentVersion.Html, m.CurrentVersion.TableOfContents, m.CurrentVersion.Sources })
            .SingleAsync(cancellationToken);
        var completedVersions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId && c.ModuleId == moduleId).Select(c => c.ModuleVersionId).ToListAsync(cancellationToken);

        ModuleLink? Link(int i) => i >= 0 && i < course.Modules.Count ? new ModuleLink(course.Modules[i].Slug, course.Modules[i].Title) : null;
        return new ModulePage(courseSlug, course.Title, moduleSlug, version.Title, version.EstimatedMinutes,
            version.Objectives.Split('\n', StringSplitOptions.RemoveEmptyEntries), version.Html, ParseTableOfContents(version.TableOfContents),
            index + 1, course.Modules.Count, Link(index - 1), Link(index + 1), course.Enrolled,
            completedVersions.Count > 0, completedVersions.Count > 0 && !completedVersions.Contains(version.CurrentVersionId!.Value), version.Sources, version.HasQuiz);
    }

    private static List<TableOfContentsEntry> ParseTableOfContents(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 3))
            .Where(parts => parts.Length == 3)
            .Select(parts => new TableOfContentsEntry(parts[0] == "3" ? 3 : 2, parts[1], parts[2]))
            .ToList();
}
