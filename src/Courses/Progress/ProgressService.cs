using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Progress;

public enum CompletionOutcome { Completed, AlreadyCompleted, NotEnrolled, NoSuchModule, NeedsQuiz }

/// <summary>Records what a learner opened and completed, per module version, and completes courses.</summary>
public sealed class ProgressService(ICoursesDbContext db, TimeProvider clock, IEnumerable<ICourseCompletionListener> listeners)
{
    /// <summary>"Mark as complete" on a module without a quiz.</summary>
    public async Task<CompletionOutcome> MarkCompleteAsync(string userId, string courseSlug, string moduleSlug, CancellationToken cancellationToken)
    {
        var module = await db.Modules
            .Where(m => m.Course.Slug == courseSlug && m.Course.IsPublished && m.Slug == moduleSlug && !m.IsRetired)
            .Select(m => new { m.Id, m.CourseId, m.HasQuiz, m.CurrentVersionId, Enrolled = db.Enrolments.Any(e => e.CourseId == m.CourseId && e.UserId == userId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (module?.CurrentVersionId is null)
        {
            return CompletionOutcome.NoSuchModule;
        }
        if (!module.Enrolled)
        {
            return CompletionOutcome.NotEnrolled;
        }
        if (module.HasQuiz)
        {
            return CompletionOutcome.NeedsQuiz;
        }
        try
        {
            var outcome = await CompleteModuleAsync(userId, module.Id, cancellationToken);
            await TryCompleteCourseAsync(userId, module.CourseId, finalAssessmentPassed: false, cancellationToken);
            return outcome;
        }
        catch (DbUpdateException)
        {
            // Posted twice at once: the unique index kept one row.
            return CompletionOutcome.AlreadyCompleted;
        }
    }

    /// <summary>
    /// Records that the learner completed the module's current version. Saves; the caller may hold a
    /// transaction (quiz grading does, so grade and completion commit together).
    /// </summary>
    public async Task<CompletionOutcome> CompleteModuleAsync(string userId, int moduleId, CancellationToken cancellationToken)
    {
        var versionId = await db.Modules.Where(m => m.Id == moduleId).Select(m => m.CurrentVersionId).SingleAsync(cancellationToken);
        if (versionId is null)
        {
            return CompletionOutcome.NoSuchModule;
        }
        if (await db.ModuleCompletions.AnyAsync(c => c.UserId == userId && c.ModuleVersionId == versionId, cancellationToken))
        {
            return CompletionOutcome.AlreadyCompleted;
        }
        db.ModuleCompletions.Add(new ModuleCompletion { UserId = userId, ModuleId = moduleId, ModuleVersionId = versionId.Value, CompletedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return CompletionOutcome.Completed;
    }

    /// <summary>
    /// Completes the course when every module is complete and, if the course has a final assessment, it
    /// has been passed (the caller knows: Courses does not read quiz results). Returns true when it did.
    /// </summary>
    public async Task<bool> TryCompleteCourseAsync(string userId, int courseId, bool finalAssessmentPassed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var course = await db.Courses.Where(c => c.Id == courseId)
            .Select(c => new
            {
                c.HasFinalAssessment,
                Open = c.Modules.Count(m => !m.IsRetired && !db.ModuleCompletions.Any(mc => mc.UserId == userId && mc.ModuleId == m.Id)),
                // Done unless every completion so far has reached its renewal window.
                Done = db.CourseCompletions.Any(cc => cc.UserId == userId && cc.CourseId == c.Id && (cc.RenewableFrom == null || cc.RenewableFrom > now)),
                Rounds = db.CourseCompletions.Count(cc => cc.UserId == userId && cc.CourseId == c.Id),
            })
            .SingleAsync(cancellationToken);
        if (course.Done || course.Open > 0 || (course.HasFinalAssessment && !finalAssessmentPassed))
        {
            return false;
        }
        // Own transaction unless the caller (quiz grading) already holds one: completion and certificate
        // commit together or not at all.
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var completion = new CourseCompletion { UserId = userId, CourseId = courseId, CompletedAt = now, Round = course.Rounds + 1 };
            db.CourseCompletions.Add(completion);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var listener in listeners)
            {
                await listener.OnCourseCompletedAsync(completion, cancellationToken);
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return true;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>When the learner's latest completion of the course opened for renewal; null when it has not.</summary>
    public async Task<DateTime?> RenewalOpenedAsync(string userId, int courseId, CancellationToken cancellationToken)
    {
        var latest = await db.CourseCompletions.Where(c => c.UserId == userId && c.CourseId == courseId)
            .OrderByDescending(c => c.Round).Select(c => new { c.RenewableFrom }).FirstOrDefaultAsync(cancellationToken);
        return latest?.RenewableFrom is { } from && from <= clock.GetUtcNow().UtcDateTime ? from : null;
    }

    /// <summary>
    /// Remembers the module a learner opened, for "continue where you left off". Reading the same module
    /// again within ten minutes writes nothing: a write per page view queues every reader behind SQLite's
    /// single writer.
    /// </summary>
    public async Task RecordVisitAsync(string userId, string courseSlug, string moduleSlug, CancellationToken cancellationToken)
    {
        var visit = await (
                from m in db.Modules
                where m.Course.Slug == courseSlug && m.Slug == moduleSlug
                join e in db.Enrolments on m.CourseId equals e.CourseId
                where e.UserId == userId
                select new Catalog.ModuleVisit(m.CourseId, m.Id, e.LastModuleId, e.LastVisitedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (visit is not null)
        {
            await RecordVisitAsync(userId, visit, cancellationToken);
        }
    }

    /// <summary>
    /// Records an enrolled learner's visit to a module, from where the module page found the learner last:
    /// writes only when the learner moved to another module or was last here over ten minutes ago.
    /// </summary>
    public async Task RecordVisitAsync(string userId, Catalog.ModuleVisit visit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (visit.LastModuleId == visit.ModuleId && visit.LastVisitedAt >= now.AddMinutes(-10))
        {
            return;
        }
        await db.Enrolments
            .Where(e => e.UserId == userId && e.CourseId == visit.CourseId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastModuleId, visit.ModuleId).SetProperty(e => e.LastVisitedAt, now), cancellationToken);
        await Assignments.AssignmentFacts.RefreshAsync(db, [userId], cancellationToken);
    }
}
