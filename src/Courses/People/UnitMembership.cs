namespace Training.Courses.People;

/// <summary>
/// Where a person was and since when. The open row (Until null) matches <see cref="TrainingUser.UnitId"/>;
/// a move closes it and opens another, so the history stays.
/// </summary>
public class UnitMembership
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public int UnitId { get; set; }

    public DateTime From { get; set; }

    public DateTime? Until { get; set; }
}
