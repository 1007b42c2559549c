using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Catalog;

/// <summary>The catalog and course pages: published courses, read with projections.</summary>
public sealed class CatalogQuery(ICoursesDbContext db, TimeProvider clock)
{
    public async Task<CatalogPage> ListAsync(CatalogFilter filter, CancellationToken cancellationToken)
    {
        var published = db.Courses.AsNoTracking().Where(c => c.IsPublished);
        var query = published;
        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            var tag = "|" + filter.Topic.Trim().ToLowerInvariant() + "|";
            query = query.Where(c => c.Topics.Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            query = query.Where(c => c.Language == filter.Language);
        }
        // Every word must appear in the title, summary, audience or topics. Both sides are folded the same
        // way (case, accents, Arabic diacritics), so LIKE compares plain lower-case text on any provider.
        foreach (var word in SearchText.Normalise(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(c => EF.Functions.Like(c.SearchText, pattern, "\\"));
        }

        var rows = await query.OrderBy(c => c.Title)
            .Select(c => new { c.Slug, c.Title, c.Summary, c.Audience, c.EstimatedHours, c.Language, c.Topics, Modules = c.Modules.Count(m => !m.IsRetired) })
            .ToListAsync(cancellationToken);
        var facets = await published.Select(c => new { c.Topics, c.Language }).ToListAsync(cancellationToken);

        return new CatalogPage(
            filter,
            rows.Select(r => new CourseCard(r.Slug, r.Title, r.Summary, r.Audience, r.EstimatedHours, r.Language, Split(r.Topics), r.Modules)).ToList(),
            facets.SelectMany(f => Split(f.Topics)).Distinct().Order(StringComparer.Ordinal).ToList(),
            facets.Select(f => f.Language).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <param name="userId">Null for a visitor who is not logged in: the page without progress or enrolment.</param>
    public async Task<CoursePage?> GetCourseAsync(string slug, string? userId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking()
            .Where(c => c.Slug == slug && c.IsPublished)
            .Select(c => new
            {
                c.Id, c.Slug, c.Title, c.Summary, c.Audience, c.EstimatedHours, c.Language, c.PassMark, c.CertificateValidityMonths, c.HasFinalAssessment,
                Modules = c.Modules.Where(m => !m.IsRetired).OrderBy(m => m.Position)
                    .Select(m => new { m.Id, m.Slug, m.CurrentVersionId, m.HasQuiz, m.CurrentVersion!.Title, m.CurrentVersion.EstimatedMinutes, m.CurrentVersion.Objectives })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return null;
        }
        if (userId is null)
        {
            return new CoursePage(course.Slug, course.Title, course.Summary, course.Audience, course.EstimatedHours, course.Language,
                course.PassMark, course.CertificateValidityMonths, Objectives(course.Modules.Select(m => m.Objectives)),
                course.Modules.Select(m => new ModuleLine(m.Slug, m.Title, m.EstimatedMinutes, false, false, m.HasQuiz)).ToList(),
                false, null, course.HasFinalAssessment, null, false);
        }
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id && e.UserId == userId)
            .Select(e => new { e.LastModuleId }).SingleOrDefaultAsync(cancellationToken);
        var moduleIds = course.Modules.Select(m => m.Id).ToList();
        var completions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId && moduleIds.Contains(c.ModuleId))
            .Select(c => new { c.ModuleId, c.ModuleVersionId })
            .ToListAsync(cancellationToken);

        var lines = course.Modules.Select(m => new ModuleLine(m.Slug, m.Title, m.EstimatedMinutes,
            completions.Any(c => c.ModuleId == m.Id),
            completions.Any(c => c.ModuleId == m.Id) && completions.All(c => c.ModuleId != m.Id || c.ModuleVersionId != m.CurrentVersionId), m.HasQuiz)).ToList();
        var latest = await db.CourseCompletions.Where(c => c.UserId == userId && c.CourseId == course.Id).OrderByDescending(c => c.Round)
            .Select(c => new { c.CompletedAt, c.RenewableFrom }).FirstOrDefaultAsync(cancellationToken);
        var renewalOpen = latest?.RenewableFrom is { } from && from <= clock.GetUtcNow().UtcDateTime;
        var resume = course.Modules.FirstOrDefault(m => m.Id == enrolment?.LastModuleId)?.Slug
                     ?? lines.FirstOrDefault(l => !l.Completed)?.Slug;
        return new CoursePage(course.Slug, course.Title, course.Summary, course.Audience, course.EstimatedHours, course.Language,
            course.PassMark, course.CertificateValidityMonths,
            Objectives(course.Modules.Select(m => m.Objectives)),
            lines, enrolment is not null, enrolment is null ? null : resume, course.HasFinalAssessment, latest?.CompletedAt, renewalOpen,
            await db.AssignedCourses.AnyAsync(a => a.UserId == userId && a.CourseId == course.Id && a.ExemptAt == null, cancellationToken));
    }

    public async Task<GlossaryPage?> GetGlossaryAsync(string slug, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().Where(c => c.Slug == slug && c.IsPublished)
            .Select(c => new { c.Slug, c.Title, Terms = c.Glossary.OrderBy(t => t.Term).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return course is null ? null : new GlossaryPage(course.Slug, course.Title, course.Terms);
    }

    private static List<string> Objectives(IEnumerable<string> perModule) =>
        perModule.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static List<string> Split(string topics) => topics.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();
}
