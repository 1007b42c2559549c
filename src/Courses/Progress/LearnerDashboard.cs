using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Progress;

/// <param name="Assigned">Set when the organisation assigned the course: its state and due date.</param>
public sealed record MyCourse(string Slug, string Title, int ModuleCount, int CompletedCount, string? NextModuleSlug, string? NextModuleTitle, DateTime? LastVisitedAt, Assignments.AssignmentStatus? Assigned = null)
{
    public bool IsOpenAssignment => Assigned is { State: not (Assignments.AssignmentState.Completed or Assignments.AssignmentState.Exempt) };

    public int Percent => ModuleCount == 0 ? 0 : CompletedCount * 100 / ModuleCount;

    public bool IsFinished => ModuleCount > 0 && CompletedCount == ModuleCount;
}

public sealed record ContinueLink(string CourseSlug, string CourseTitle, string ModuleSlug, string ModuleTitle);

public sealed record LearnerHome(IReadOnlyList<MyCourse> Courses, ContinueLink? Continue);

/// <summary>The learner's home page: enrolled courses with progress, and where to pick up.</summary>
public sealed class LearnerDashboard(ICoursesDbContext db, Assignments.AssignmentStatusQuery assignments)
{
    /// <param name="language">The learner's language: course and module titles come in it where the course has a translation.</param>
    public async Task<LearnerHome> GetAsync(string userId, string language, CancellationToken cancellationToken)
    {
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.UserId == userId && e.Course.IsPublished)
            .Select(e => new
            {
                e.CourseId, e.Course.Slug, e.LastModuleId, e.LastVisitedAt,
                Title = e.Course.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() ?? e.Course.Title,
                Modules = e.Course.Modules.Where(m => !m.IsRetired).OrderBy(m => m.Position)
                    .Select(m => new
                    {
                        m.Id, m.Slug,
                        Title = m.CurrentVersion!.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() ?? m.CurrentVersion!.Title,
                        Done = db.ModuleCompletions.Any(c => c.UserId == userId && c.ModuleId == m.Id),
                    })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        // Assigned courses come first, the soonest due first; several assignments of one course: the most urgent.
        var assigned = (await assignments.PrincipalStatusesAsync(db.AssignedCourses.Where(a => a.UserId == userId), cancellationToken))
            .ToDictionary(a => a.Assigned.CourseId, a => a.Status);
        var courses = enrolments
            .Select(e =>
            {
                var next = e.Modules.FirstOrDefault(m => !m.Done);
                return new MyCourse(e.Slug, e.Title, e.Modules.Count, e.Modules.Count(m => m.Done), next?.Slug, next?.Title, e.LastVisitedAt, assigned.GetValueOrDefault(e.CourseId));
            })
            .OrderByDescending(c => c.IsOpenAssignment).ThenBy(c => c.IsOpenAssignment ? c.Assigned!.DueOn : null)
            .ThenBy(c => c.IsFinished).ThenByDescending(c => c.LastVisitedAt ?? DateTime.MinValue).ThenBy(c => c.Title, StringComparer.CurrentCulture)
            .ToList();

        var latest = enrolments.Where(e => e.LastModuleId is not null).MaxBy(e => e.LastVisitedAt);
        var lastModule = latest?.Modules.FirstOrDefault(m => m.Id == latest.LastModuleId);
        ContinueLink? resume = null;
        if (latest is not null && lastModule is not null)
        {
            // Pick up at the module last opened, or the next unfinished one once it is done.
            var target = lastModule.Done ? latest.Modules.FirstOrDefault(m => !m.Done) ?? lastModule : lastModule;
            resume = new ContinueLink(latest.Slug, latest.Title, target.Slug, target.Title);
        }
        return new LearnerHome(courses, resume);
    }
}
