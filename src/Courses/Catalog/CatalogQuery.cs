using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Catalog;

/// <summary>The catalog and course pages: published courses, read with projections.</summary>
public sealed class CatalogQuery(ICoursesDbContext db, TimeProvider clock)
{
    /// <param name="language">The learner's language: titles and summaries come in it where the course has a translation.</param>
    public async Task<CatalogPage> ListAsync(CatalogFilter filter, string language, CancellationToken cancellationToken)
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
            .Select(c => new
            {
                c.Slug, c.Audience, c.EstimatedHours, c.Language, c.Topics, Modules = c.Modules.Count(m => !m.IsRetired),
                Title = c.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() ?? c.Title,
                Summary = c.Translations.Where(t => t.Language == language).Select(t => t.Summary).FirstOrDefault() ?? c.Summary,
            })
            .ToListAsync(cancellationToken);
        var facets = await published.Select(c => new { c.Topics, c.Language }).ToListAsync(cancellationToken);

        return new CatalogPage(
            filter,
            rows.Select(r => new CourseCard(r.Slug, r.Title, r.Summary, r.Audience, r.EstimatedHours, r.Language, Split(r.Topics), r.Modules)).ToList(),
            facets.SelectMany(f => Split(f.Topics)).Distinct().Order(StringComparer.Ordinal).ToList(),
            facets.Select(f => f.Language).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <param name="userId">Null for a visitor who is not logged in: the page without progress or enrolment.</param>
    /// <param name="language">The reader's language: title, summary, module titles and objectives come in it where translated.</param>
    public async Task<CoursePage?> GetCourseAsync(string slug, string? userId, string language, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking()
            .Where(c => c.Slug == slug && c.IsPublished)
            .Select(c => new
            {
                c.Id, c.Slug, c.Audience, c.EstimatedHours, c.Language, c.PassMark, c.CertificateValidityMonths, c.HasFinalAssessment,
                Translation = c.Translations.Where(t => t.Language == language).Select(t => new { t.Title, t.Summary }).FirstOrDefault(),
                c.Title, c.Summary,
                Modules = c.Modules.Where(m => !m.IsRetired).OrderBy(m => m.Position)
                    .Select(m => new
                    {
                        m.Id, m.Slug, m.CurrentVersionId, m.HasQuiz, m.CurrentVersion!.EstimatedMinutes,
                        Translation = m.CurrentVersion.Translations.Where(t => t.Language == language).Select(t => new { t.Title, t.Objectives }).FirstOrDefault(),
                        m.CurrentVersion.Title, m.CurrentVersion.Objectives,
                    })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return null;
        }
        if (userId is null)
        {
            return new CoursePage(course.Slug, course.Translation?.Title ?? course.Title, course.Translation?.Summary ?? course.Summary, course.Audience,
                course.EstimatedHours, course.Language, course.PassMark, course.CertificateValidityMonths,
                Objectives(course.Modules.Select(m => m.Translation?.Objectives ?? m.Objectives)),
                course.Modules.Select(m => new ModuleLine(m.Slug, m.Translation?.Title ?? m.Title, m.EstimatedMinutes, false, false, m.HasQuiz)).ToList(),
                false, null, course.HasFinalAssessment, null, false)
            {
                TextLanguage = course.Translation is null ? course.Language : language,
            };
        }
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id && e.UserId == userId)
            .Select(e => new { e.LastModuleId }).SingleOrDefaultAsync(cancellationToken);
        var moduleIds = course.Modules.Select(m => m.Id).ToList();
        var completions = await db.ModuleCompletions.AsNoTracking()
            .Where(c => c.UserId == userId && moduleIds.Contains(c.ModuleId))
            .Select(c => new { c.ModuleId, c.ModuleVersionId })
            .ToListAsync(cancellationToken);

        var lines = course.Modules.Select(m => new ModuleLine(m.Slug, m.Translation?.Title ?? m.Title, m.EstimatedMinutes,
            completions.Any(c => c.ModuleId == m.Id),
            completions.Any(c => c.ModuleId == m.Id) && completions.All(c => c.ModuleId != m.Id || c.ModuleVersionId != m.CurrentVersionId), m.HasQuiz)).ToList();
        var latest = await db.CourseCompletions.Where(c => c.UserId == userId && c.CourseId == course.Id).OrderByDescending(c => c.Round)
            .Select(c => new { c.CompletedAt, c.RenewableFrom }).FirstOrDefaultAsync(cancellationToken);
        var renewalOpen = latest?.RenewableFrom is { } from && from <= clock.GetUtcNow().UtcDateTime;
        var resume = course.Modules.FirstOrDefault(m => m.Id == enrolment?.LastModuleId)?.Slug
                     ?? lines.FirstOrDefault(l => !l.Completed)?.Slug;
        return new CoursePage(course.Slug, course.Translation?.Title ?? course.Title, course.Translation?.Summary ?? course.Summary, course.Audience, course.EstimatedHours, course.Language,
            course.PassMark, course.CertificateValidityMonths,
            Objectives(course.Modules.Select(m => m.Translation?.Objectives ?? m.Objectives)),
            lines, enrolment is not null, enrolment is null ? null : resume, course.HasFinalAssessment, latest?.CompletedAt, renewalOpen,
            await db.AssignedCourses.AnyAsync(a => a.UserId == userId && a.CourseId == course.Id && a.ExemptAt == null, cancellationToken))
        {
            TextLanguage = course.Translation is null ? course.Language : language,
        };
    }

    /// <summary>The course's glossary, in the learner's language when the course has a translation into it.</summary>
    public async Task<GlossaryPage?> GetGlossaryAsync(string slug, string language, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking().Where(c => c.Slug == slug && c.IsPublished)
            .Select(c => new
            {
                c.Slug, c.Title, c.Language,
                Terms = c.Glossary.Select(t => new { t.Term, t.Anchor, t.Definition, t.Source }).ToList(),
                Translation = c.Translations.Where(t => t.Language == language)
                    .Select(t => new { t.Title, Terms = t.Glossary.Select(g => new { g.OriginalTerm, g.Term, g.Anchor, g.Definition, g.Source }).ToList() })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return null;
        }
        if (course.Translation is { } translation)
        {
            var originalAnchors = course.Terms.ToDictionary(t => t.Term, t => t.Anchor, StringComparer.OrdinalIgnoreCase);
            var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
            return new GlossaryPage(course.Slug, translation.Title,
                translation.Terms.OrderBy(t => t.Term, StringComparer.Create(culture, ignoreCase: true))
                    .Select(t => new GlossaryEntryView(t.Term, t.Anchor, t.Definition, t.Source, originalAnchors.GetValueOrDefault(t.OriginalTerm))).ToList(),
                language);
        }
        return new GlossaryPage(course.Slug, course.Title,
            course.Terms.OrderBy(t => t.Term, StringComparer.Ordinal).Select(t => new GlossaryEntryView(t.Term, t.Anchor, t.Definition, t.Source, null)).ToList(),
            course.Language);
    }

    private static List<string> Objectives(IEnumerable<string> perModule) =>
        perModule.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static List<string> Split(string topics) => topics.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList();
}
