using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Courses.Enrolment;
using Training.Courses.Progress;

namespace Training.Courses.Assignments;

/// <summary>
/// Keeps the facts <see cref="AssignmentRules"/> reads (latest completion, its renewal window and expiry,
/// latest activity) copied onto each <see cref="AssignedCourse"/>, so a state is decided from one row.
/// The context calls <see cref="PeopleTouched"/> before and <see cref="RefreshAsync"/> after every save,
/// so no writer has to remember; writers that bypass the change tracker (ExecuteUpdate, bulk inserts)
/// call <see cref="RefreshAsync"/> themselves.
/// </summary>
public static class AssignmentFacts
{
    /// <summary>The people whose facts a pending save changes: new assigned courses, enrolment visits, module and course completions.</summary>
    public static IReadOnlyCollection<string> PeopleTouched(ChangeTracker changes)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in changes.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            var person = entry.Entity switch
            {
                AssignedCourse assigned when entry.State == EntityState.Added => assigned.UserId,
                CourseCompletion completion => completion.UserId,
                ModuleCompletion completion => completion.UserId,
                CourseEnrolment enrolment => enrolment.UserId,
                _ => null,
            };
            if (person is not null)
            {
                people.Add(person);
            }
        }
        return people;
    }

    /// <summary>Copies the facts onto the assigned courses of <paramref name="people"/> (all of them when null), in one statement.</summary>
    public static Task RefreshAsync(ICoursesDbContext db, IReadOnlyCollection<string>? people, CancellationToken cancellationToken)
    {
        var rows = people is null ? db.AssignedCourses : db.AssignedCourses.Where(a => people.Contains(a.UserId));
        return rows.ExecuteUpdateAsync(set => set
            .SetProperty(a => a.CompletedAt, a => db.CourseCompletions.Where(c => c.UserId == a.UserId && c.CourseId == a.CourseId)
                .Max(c => (DateTime?)c.CompletedAt))
            .SetProperty(a => a.RenewableFrom, a => db.CourseCompletions.Where(c => c.UserId == a.UserId && c.CourseId == a.CourseId)
                .OrderByDescending(c => c.Round).Select(c => c.RenewableFrom).FirstOrDefault())
            .SetProperty(a => a.CertificateExpiresAt, a => db.CourseCompletions.Where(c => c.UserId == a.UserId && c.CourseId == a.CourseId)
                .OrderByDescending(c => c.Round).Select(c => c.ExpiresAt ?? c.RenewableFrom).FirstOrDefault())
            .SetProperty(a => a.LastActivityAt, a => db.Enrolments.Where(e => e.UserId == a.UserId && e.CourseId == a.CourseId)
                .Select(e => e.LastVisitedAt)
                .Concat(db.ModuleCompletions.Where(m => m.UserId == a.UserId && db.Modules.Any(x => x.Id == m.ModuleId && x.CourseId == a.CourseId))
                    .Select(m => (DateTime?)m.CompletedAt))
                .Max()),
            cancellationToken);
    }
}
