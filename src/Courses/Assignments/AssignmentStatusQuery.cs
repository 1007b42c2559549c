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

    /// <summary>
    /// One state per person and course (the most urgent when several assignments give the same course) for
    /// the <paramref name="people"/> given, with their unit, as a query: callers count or filter it in the database.
    /// </summary>
    public IQueryable<PersonCourseState> StatesOf(IQueryable<AssignedCourse> rows, IQueryable<TrainingUser> people)
    {
        // (a, p) => new StateRow { UserId = a.UserId, CourseId = a.CourseId, UnitId = p.UnitId, State = (int)<the rule applied to a> }
        var state = AssignmentRules.StateAt(clock.GetUtcNow().UtcDateTime);
        var row = state.Parameters[0];
        var person = Expression.Parameter(typeof(TrainingUser), "p");
        var project = Expression.Lambda<Func<AssignedCourse, TrainingUser, StateRow>>(Expression.MemberInit(Expression.New(typeof(StateRow)),
            Expression.Bind(typeof(StateRow).GetProperty(nameof(StateRow.UserId))!, Expression.Property(row, nameof(AssignedCourse.UserId))),
            Expression.Bind(typeof(StateRow).GetProperty(nameof(StateRow.CourseId))!, Expression.Property(row, nameof(AssignedCourse.CourseId))),
            Expression.Bind(typeof(StateRow).GetProperty(nameof(StateRow.UnitId))!, Expression.Property(person, nameof(TrainingUser.UnitId))),
            Expression.Bind(typeof(StateRow).GetProperty(nameof(StateRow.State))!, Expression.Convert(state.Body, typeof(int)))), row, person);
        return rows.Join(people, a => a.UserId, p => p.Id, project)
            .GroupBy(x => new { x.UserId, x.CourseId, x.UnitId })
            .Select(g => new PersonCourseState { UserId = g.Key.UserId, CourseId = g.Key.CourseId, UnitId = g.Key.UnitId, State = (AssignmentState)g.Min(x => x.State) });
    }

    private sealed class StateRow
    {
        public string UserId { get; set; } = "";

        public int CourseId { get; set; }

        public int? UnitId { get; set; }

        public int State { get; set; }
    }

    /// <summary>
    /// One state per person and course when several assignments give the same course (a unit's and a
    /// person's): the most urgent one, so a person is counted, listed and reminded once per course.
    /// </summary>
    public static IReadOnlyList<AssignedCourseStatus> MostUrgentPerPersonAndCourse(IEnumerable<AssignedCourseStatus> statuses) =>
        [.. statuses.GroupBy(s => (s.Assigned.UserId, s.Assigned.CourseId))
            .Select(g => g.OrderBy(s => s.Status.State).ThenBy(s => s.Status.DueOn).First())];
}
