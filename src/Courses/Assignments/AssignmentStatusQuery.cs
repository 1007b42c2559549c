using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Training.Courses.People;

namespace Training.Courses.Assignments;

/// <summary>An assigned course of one person with its state from <see cref="AssignmentRules"/>.</summary>
public sealed record AssignedCourseStatus(AssignedCourse Assigned, AssignmentStatus Status, DateTime? CompletedAt);

/// <summary>One person's state in one course, decided in the database (see <see cref="AssignmentStatusQuery.StatesOf"/>).</summary>
public sealed class PersonCourseState
{
    public required string UserId { get; init; }

    public required int CourseId { get; init; }

    public required int? UnitId { get; init; }

    public required AssignmentState State { get; init; }
}

/// <summary>
/// Applies <see cref="AssignmentRules"/> to assigned courses: row by row for lists, or in the database,
/// one state per person and course, for counts over a whole scope.
/// </summary>
public sealed class AssignmentStatusQuery(TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignedCourseStatus>> StatusesAsync(IQueryable<AssignedCourse> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assigned = await rows.AsNoTracking().ToListAsync(cancellationToken);
        return [.. assigned.Select(a => new AssignedCourseStatus(a, AssignmentRules.StatusOf(a, now), a.CompletedAt))];
    }

    /// <summary>The principal rows' statuses: one per person and course, the most urgent (see <see cref="AssignedCourse.IsPrincipal"/>).</summary>
    public Task<IReadOnlyList<AssignedCourseStatus>> PrincipalStatusesAsync(IQueryable<AssignedCourse> rows, CancellationToken cancellationToken) =>
        StatusesAsync(rows.Where(a => a.IsPrincipal), cancellationToken);

    /// <summary>
    /// One state per person and course (the principal row's) for the <paramref name="rows"/> given, with the
    /// person's unit, as a query: callers count or filter it in the database.
    /// </summary>
    public IQueryable<PersonCourseState> StatesOf(IQueryable<AssignedCourse> rows)
    {
        // a => new PersonCourseState { UserId = a.UserId, CourseId = a.CourseId, UnitId = a.UnitId, State = <the rule applied to a> }
        var state = AssignmentRules.StateAt(clock.GetUtcNow().UtcDateTime);
        var row = state.Parameters[0];
        var project = Expression.Lambda<Func<AssignedCourse, PersonCourseState>>(Expression.MemberInit(Expression.New(typeof(PersonCourseState)),
            Expression.Bind(typeof(PersonCourseState).GetProperty(nameof(PersonCourseState.UserId))!, Expression.Property(row, nameof(AssignedCourse.UserId))),
            Expression.Bind(typeof(PersonCourseState).GetProperty(nameof(PersonCourseState.CourseId))!, Expression.Property(row, nameof(AssignedCourse.CourseId))),
            Expression.Bind(typeof(PersonCourseState).GetProperty(nameof(PersonCourseState.UnitId))!, Expression.Property(row, nameof(AssignedCourse.UnitId))),
            Expression.Bind(typeof(PersonCourseState).GetProperty(nameof(PersonCourseState.State))!, state.Body)), row);
        return rows.Where(a => a.IsPrincipal).Select(project);
    }
}
