using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Progress;

public enum CompletionOutcome { Completed, AlreadyCompleted, NotEnrolled, NoSuchModule }

/// <summary>Records what a learner opened and completed, per module version.</summary>
public sealed class ProgressService(ICoursesDbContext db, TimeProvider clock)
{
    public async Task<CompletionOutcome> MarkCompleteAsync(string userId, string courseSlug, string moduleSlug, CancellationToken cancellationToken)
    {
        var module = await db.Modules
            .Where(m => m.Course.Slug == courseSlug && m.Course.IsPublished && m.Slug == moduleSlug && !m.IsRetired)
            .Select(m => new { m.Id, m.CurrentVersionId, Enrolled = db.Enrolments.Any(e => e.CourseId == m.CourseId && e.UserId == userId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (module?.CurrentVersionId is null)
        {
            return CompletionOutcome.NoSuchModule;
        }
        if (!module.Enrolled)
        {
            return CompletionOutcome.NotEnrolled;
        }
        if (await db.ModuleCompletions.AnyAsync(c => c.UserId == userId && c.ModuleVersionId == module.CurrentVersionId, cancellationToken))
        {
            return CompletionOutcome.AlreadyCompleted;
        }
        db.ModuleCompletions.Add(new ModuleCompletion
        {
            UserId = userId,
            ModuleId = module.Id,
            ModuleVersionId = module.CurrentVersionId.Value,
            CompletedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Posted twice at once: the unique index kept one row.
            return CompletionOutcome.AlreadyCompleted;
        }
        return CompletionOutcome.Completed;
    }

    /// <summary>Remembers the module a learner opened, for "continue where you left off".</summary>
    public async Task RecordVisitAsync(string userId, string courseSlug, string moduleSlug, CancellationToken cancellationToken)
    {
        var module = await db.Modules.Where(m => m.Course.Slug == courseSlug && m.Slug == moduleSlug)
            .Select(m => new { m.Id, m.CourseId }).SingleOrDefaultAsync(cancellationToken);
        if (module is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Enrolments
            .Where(e => e.UserId == userId && e.CourseId == module.CourseId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastModuleId, module.Id).SetProperty(e => e.LastVisitedAt, now), cancellationToken);
    }
}
