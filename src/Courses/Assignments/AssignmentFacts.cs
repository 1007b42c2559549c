using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Training.Courses.Enrolment;
using Training.Courses.People;
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
    /// <summary>
    /// The people whose facts a pending save changes: assigned courses added, changed (exemption, extension) or
    /// removed, a move to another unit, enrolment visits, module and course completions.
    /// </summary>
    public static IReadOnlyCollection<string> PeopleTouched(ChangeTracker changes)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in changes.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var person = entry.Entity switch
            {
                AssignedCourse assigned => assigned.UserId,
                // Compared by value: Identity's UpdateAsync marks every property modified on any change (a sign-in too).
                TrainingUser user when entry.State == EntityState.Modified && UnitChanged(entry) => user.Id,
                _ when entry.State == EntityState.Deleted => null,
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

    private static bool UnitChanged(EntityEntry entry)
    {
        var unit = entry.Property(nameof(TrainingUser.UnitId));
        return unit.IsModified && !Equals(unit.OriginalValue, unit.CurrentValue);
    }

    /// <summary>
    /// Copies the facts onto the assigned courses of <paramref name="people"/> (all of them when null), then marks
    /// which row of each person and course is principal: two statements.
    /// </summary>
    public static async Task RefreshAsync(ICoursesDbContext db, IReadOnlyCollection<string>? people, CancellationToken cancellationToken)
    {
        var rows = people is null ? db.AssignedCourses : db.AssignedCourses.Where(a => people.Contains(a.UserId));
        await rows.ExecuteUpdateAsync(set => set
            .SetProperty(a => a.UnitId, a => db.Users.Where(u => u.Id == a.UserId).Select(u => u.UnitId).FirstOrDefault())
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
        await MarkPrincipalAsync(db, rows, cancellationToken);
    }

    /// <summary>
    /// Marks the principal row of each person and course among <paramref name="rows"/>: not exempt if any is
    /// not, then the earliest due date (the extension's when there is one; while renewing, the later of the
    /// two, as <see cref="AssignmentRules"/> reads them), then the first created. The other facts are one
    /// person's in one course, the same on every row, so this row's state is the most urgent at every moment.
    /// </summary>
    public static Task MarkPrincipalAsync(ICoursesDbContext db, IQueryable<AssignedCourse> rows, CancellationToken cancellationToken) =>
        rows.ExecuteUpdateAsync(set => set.SetProperty(a => a.IsPrincipal, a => !db.AssignedCourses.Any(other =>
            other.UserId == a.UserId && other.CourseId == a.CourseId && other.Id != a.Id
            && (other.ExemptAt == null
                ? a.ExemptAt != null
                  || (a.CompletedAt == null ? other.ExtendedTo ?? other.DueOn : (other.ExtendedTo > other.DueOn ? other.ExtendedTo : other.DueOn))
                     < (a.CompletedAt == null ? a.ExtendedTo ?? a.DueOn : (a.ExtendedTo > a.DueOn ? a.ExtendedTo : a.DueOn))
                  || ((a.CompletedAt == null ? other.ExtendedTo ?? other.DueOn : (other.ExtendedTo > other.DueOn ? other.ExtendedTo : other.DueOn))
                      == (a.CompletedAt == null ? a.ExtendedTo ?? a.DueOn : (a.ExtendedTo > a.DueOn ? a.ExtendedTo : a.DueOn))
                      && a.ExemptAt == null && other.Id < a.Id)
                : a.ExemptAt != null && other.Id < a.Id))),
            cancellationToken);
}
