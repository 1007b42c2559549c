namespace Training.Courses.People;

/// <summary>A person coordinates a unit and everything below it.</summary>
public class UnitCoordinator
{
    public string UserId { get; set; } = "";

    public int UnitId { get; set; }

    public DateTime Since { get; set; }
}
