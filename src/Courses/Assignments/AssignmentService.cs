using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.People;

namespace Training.Courses.Assignments;

public enum AssignOutcome { Done, NotFound, NoCourse, NoTarget, TargetOutsideScope, BadDue, NoReason }

public sealed record AssignmentRow(int Id, string CourseTitle, string Target, DateOnly? DueOn, int? DueDays, int People, int Completed, int Overdue, int Exempt);

public sealed record AssignedPersonRow(string UserId, string FullName, string Email, string? UnitPath, AssignedCourseStatus Status);

public sealed record AssignmentDetail(AssignmentRow Assignment, IReadOnlyList<AssignedPersonRow> People);

/// <summary>
/// Coordinators (within their units) and admins assign courses, and exempt people or extend their due
/// date with a reason. Everything starts from the actor's scope; each change is audited with it.
/// </summary>
public sealed class AssignmentService(ICoursesDbContext db, AssignmentSync sync, AssignmentStatusQuery statuses, AuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    /// <summary>Assigns a course to a unit (and below) or to people, due on a date or N days after each is assigned.</summary>
    public async Task<(AssignOutcome Outcome, int Id)> AssignAsync(
        Actor actor, int courseId, int? unitId, IReadOnlyCollection<string> emails, DateOnly? dueOn, int? dueDays, CancellationToken cancellationToken)
    {
        var course = await db.Courses.Where(c => c.Id == courseId && c.IsPublished).Select(c => new { c.Id, c.Title }).SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return (AssignOutcome.NoCourse, 0);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if ((dueOn is null) == (dueDays is null) || dueOn < today || dueDays is < 1 or > 3650)
        {
            return (AssignOutcome.BadDue, 0);
        }
        var targets = new List<Assignment>();
        string description;
        if (unitId is int id)
        {
            var unit = await db.UnitsIn(actor).Where(u => u.Id == id && u.ArchivedAt == null).Select(u => new { u.Id, u.Path }).SingleOrDefaultAsync(cancellationToken);
            if (unit is null)
            {
                return (AssignOutcome.TargetOutsideScope, 0);
            }
            targets.Add(new Assignment { UnitId = unit.Id });
            description = unit.Path;
        }
        else
        {
            var wanted = emails.Select(e => e.Trim().ToUpperInvariant()).Where(e => e.Length > 0).Distinct().ToList();
            if (wanted.Count == 0)
            {
                return (AssignOutcome.NoTarget, 0);
            }
            var people = await db.PeopleIn(actor).Where(p => wanted.Contains(p.NormalizedEmail!)).Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken);
            if (people.Count != wanted.Count)
            {
                return (AssignOutcome.TargetOutsideScope, 0);
            }
            targets.AddRange(people.Select(p => new Assignment { UserId = p.Id }));
            description = string.Join(", ", people.Select(p => p.Email));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var assignment in targets)
        {
            assignment.CourseId = course.Id;
            assignment.DueOn = dueOn;
            assignment.DueDays = dueDays;
            assignment.CreatedAt = now;
            assignment.CreatedByUserId = actor.UserId;
            db.Assignments.Add(assignment);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var assignment in targets)
        {
            await sync.SyncAssignmentAsync(assignment, cancellationToken);
            audit.Record(actor, AuditActions.AssignmentCreated, "assignment", Key(assignment.Id),
                $"{course.Title} → {description}, due {(dueOn is { } on ? on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : $"{dueDays} days after assignment")}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (AssignOutcome.Done, targets[0].Id);
    }

    /// <summary>The assignments that reach anyone in the actor's scope, with counts over those people only.</summary>
    public async Task<IReadOnlyList<AssignmentRow>> ListAsync(Actor actor, CancellationToken cancellationToken) =>
        (await RowsAsync(actor, null, cancellationToken)).Rows;

    public async Task<AssignmentDetail?> FindAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        // Only this assignment's people: the states of every other assignment are not computed for one page.
        var (rows, people) = await RowsAsync(actor, id, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }
        var ids = people.Select(p => p.Assigned.UserId).ToArray();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.Email, Unit = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Path).FirstOrDefault() })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return new AssignmentDetail(rows[0], people
            .Select(p => new AssignedPersonRow(p.Assigned.UserId, names[p.Assigned.UserId].FullName, names[p.Assigned.UserId].Email ?? "", names[p.Assigned.UserId].Unit, p))
            .OrderBy(p => p.Status.Status.State).ThenBy(p => p.FullName, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>
    /// The assignments that reach anyone in the actor's scope (or target one of their units), with counts over
    /// those people only; all of them, or the one with <paramref name="onlyId"/>.
    /// </summary>
    private async Task<(List<AssignmentRow> Rows, IReadOnlyList<AssignedCourseStatus> People)> RowsAsync(Actor actor, int? onlyId, CancellationToken cancellationToken)
    {
        var visible = await VisibleRowsAsync(actor, onlyId, cancellationToken);
        var reaching = visible.Select(v => v.Assigned.AssignmentId).Distinct().ToArray();
        var units = db.UnitsIn(actor);
        var query = db.Assignments.AsNoTracking()
            .Where(a => reaching.Contains(a.Id) || (a.UnitId != null && units.Any(u => u.Id == a.UnitId)));
        if (onlyId is int id)
        {
            query = query.Where(a => a.Id == id);
        }
        var assignments = await query
            .Select(a => new
            {
                a.Id, a.DueOn, a.DueDays, a.CreatedAt,
                Course = db.Courses.Where(c => c.Id == a.CourseId).Select(c => c.Title).First(),
                Unit = db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Path).FirstOrDefault(),
                Person = db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var byAssignment = visible.ToLookup(v => v.Assigned.AssignmentId);
        return ([.. assignments.OrderByDescending(a => a.CreatedAt)
            .Select(a => Row(a.Id, a.Course, a.Unit ?? a.Person ?? "", a.DueOn, a.DueDays, byAssignment[a.Id].ToList()))], visible);
    }

    /// <summary>Exempts a person in scope from the assignment (<paramref name="until"/> null) or extends their due date.</summary>
    public async Task<AssignOutcome> AdjustAsync(Actor actor, int assignmentId, string userId, DateOnly? extendTo, string? reason, CancellationToken cancellationToken)
    {
        // Scope first: outside it, nothing else is said about the person.
        var people = db.PeopleIn(actor);
        var assigned = await db.AssignedCourses.SingleOrDefaultAsync(a => a.AssignmentId == assignmentId && a.UserId == userId && people.Any(p => p.Id == a.UserId), cancellationToken);
        if (assigned is null)
        {
            return AssignOutcome.NotFound;
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            return AssignOutcome.NoReason;
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        reason = reason.Trim();
        if (extendTo is { } date)
        {
            // Later than the date the person is due by now (during a renewal: the certificate's expiry).
            var current = (await statuses.StatusesAsync(db.AssignedCourses.Where(a => a.Id == assigned.Id), cancellationToken)).Single().Status.DueOn
                ?? assigned.ExtendedTo ?? assigned.DueOn;
            if (date <= current)
            {
                return AssignOutcome.BadDue;
            }
            assigned.ExtendedTo = date;
            assigned.ExtensionReason = reason;
            audit.Record(actor, AuditActions.AssignmentExtended, "assignment", Key(assignmentId), $"{email}: due {date:yyyy-MM-dd} ({reason})");
        }
        else
        {
            assigned.ExemptAt = clock.GetUtcNow().UtcDateTime;
            assigned.ExemptionReason = reason;
            audit.Record(actor, AuditActions.AssignmentExempted, "assignment", Key(assignmentId), $"{email}: exempt ({reason})");
        }
        await db.SaveChangesAsync(cancellationToken);
        return AssignOutcome.Done;
    }

    /// <summary>The assigned courses of people in the actor's scope (one assignment or all), with their state.</summary>
    private Task<IReadOnlyList<AssignedCourseStatus>> VisibleRowsAsync(Actor actor, int? assignmentId, CancellationToken cancellationToken)
    {
        var people = db.PeopleIn(actor);
        var rows = db.AssignedCourses.Where(a => people.Any(p => p.Id == a.UserId));
        if (assignmentId is int id)
        {
            rows = rows.Where(a => a.AssignmentId == id);
        }
        return statuses.StatusesAsync(rows, cancellationToken);
    }

    private static AssignmentRow Row(int id, string course, string target, DateOnly? dueOn, int? dueDays, List<AssignedCourseStatus> people) =>
        new(id, course, target, dueOn, dueDays, people.Count,
            people.Count(p => p.Status.State == AssignmentState.Completed),
            people.Count(p => p.Status.State == AssignmentState.Overdue),
            people.Count(p => p.Status.State == AssignmentState.Exempt));

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
