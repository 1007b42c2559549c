using Training.Courses.Assignments;

namespace Training.Web.Features.Coordination;

/// <summary>How many assigned courses are in each state; the completion rate leaves the exempt out.</summary>
public sealed record Tally(int Assigned, int NotStarted, int InProgress, int Completed, int Overdue, int Exempt)
{
    public int? Rate => Assigned - Exempt <= 0 ? null : Completed * 100 / (Assigned - Exempt);

    public int Count(AssignmentState state) => state switch
    {
        AssignmentState.NotStarted => NotStarted,
        AssignmentState.InProgress => InProgress,
        AssignmentState.Completed => Completed,
        AssignmentState.Overdue => Overdue,
        _ => Exempt,
    };

    public static Tally Of(IEnumerable<AssignmentState> states)
    {
        var list = states as IReadOnlyCollection<AssignmentState> ?? [.. states];
        return new Tally(list.Count, list.Count(s => s == AssignmentState.NotStarted), list.Count(s => s == AssignmentState.InProgress),
            list.Count(s => s == AssignmentState.Completed), list.Count(s => s == AssignmentState.Overdue), list.Count(s => s == AssignmentState.Exempt));
    }
}

public sealed record CourseFigures(int CourseId, string Title, Tally Tally);

public sealed record UnitFigures(int UnitId, string Name, string Path, int Depth, int People, Tally Tally);

public sealed record ExpiringCount(int Days, int Certificates);

public sealed record MonthCount(DateOnly Month, int Completions);

public sealed record DashboardViewModel(int People, IReadOnlyList<CourseFigures> Courses, IReadOnlyList<UnitFigures> Units, IReadOnlyList<ExpiringCount> Expiring, IReadOnlyList<MonthCount> Completions);
