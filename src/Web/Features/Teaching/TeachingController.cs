using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Assessment.Statistics;
using Training.Courses.Content;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Teaching;

public sealed record QuizLink(string CourseSlug, string CourseTitle, string Key, string Title);

public sealed record TeachingViewModel(IReadOnlyList<ContentProblem> Problems, IReadOnlyList<QuizLink> Quizzes);

[Authorize(Roles = Roles.Trainer)]
public sealed class TeachingController(ContentImportState importState, TrainingDbContext db, QuizStatisticsQuery statistics) : Controller
{
    /// <summary>What the last import of course-content/ found wrong, and each quiz's statistics.</summary>
    [HttpGet("/teach")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => !q.IsRetired && q.Course.IsPublished)
            .OrderBy(q => q.Course.Title).ThenBy(q => q.Module == null ? int.MaxValue : q.Module.Position)
            .Select(q => new QuizLink(q.Course.Slug, q.Course.Title, q.Key, q.Module == null ? "" : q.Module.CurrentVersion!.Title))
            .ToListAsync(cancellationToken);
        return View(new TeachingViewModel(importState.Problems, quizzes));
    }

    [HttpGet("/teach/quizzes/{course}/{key}")]
    public async Task<IActionResult> Statistics(string course, string key, string? language, CancellationToken cancellationToken)
    {
        var stats = await statistics.GetAsync(course, key, string.IsNullOrWhiteSpace(language) ? null : language, cancellationToken);
        return stats is null ? NotFound() : View(stats);
    }
}
