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

    /// <summary>From counts per state (a state may appear several times: they add up).</summary>
    public static Tally Of(IEnumerable<(AssignmentState State, int Count)> counts)
    {
        var list = counts as IReadOnlyCollection<(AssignmentState State, int Count)> ?? [.. counts];
        int Sum(AssignmentState state) => list.Where(c => c.State == state).Sum(c => c.Count);
        return new Tally(list.Sum(c => c.Count), Sum(AssignmentState.NotStarted), Sum(AssignmentState.InProgress),
            Sum(AssignmentState.Completed), Sum(AssignmentState.Overdue), Sum(AssignmentState.Exempt));
    }
}

public sealed record CourseFigures(int CourseId, string Title, Tally Tally);

public sealed record UnitFigures(int UnitId, string Name, string Path, int Depth, int People, Tally Tally);

public sealed record ExpiringCount(int Days, int Certificates);

public sealed record MonthCount(DateOnly Month, int Completions);

public sealed record DashboardViewModel(int People, IReadOnlyList<CourseFigures> Courses, IReadOnlyList<UnitFigures> Units, IReadOnlyList<ExpiringCount> Expiring, IReadOnlyList<MonthCount> Completions);
