namespace Training.Courses.Organisations;

/// <summary>
/// An organisation (a unit without a parent: a border police service, a labour inspectorate) or one of
/// its units, nested to any depth. People belong to units; coordinators are scoped to units.
/// </summary>
public class Unit
{
    public const int MaxNameLength = 100;

    /// <summary>Separates names in <see cref="Path"/>; unit names may not contain it.</summary>
    public const string PathSeparator = " / ";

    public int Id { get; set; }

    public int? ParentId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The names from the organisation down, e.g. "Border Police / North Region / Crossing A".
    /// Kept in step on rename and move, so lists, imports and exports read it without walking the tree.</summary>
    public string Path { get; set; } = "";

    /// <summary>The ids from the organisation down, "/1/5/9/": the unit and everything below it are the
    /// units whose lineage starts with this one's, one indexed LIKE on both providers.</summary>
    public string Lineage { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>A unit with people or history is archived, never deleted: it takes no new people.</summary>
    public DateTime? ArchivedAt { get; set; }

    public bool IsOrganisation => ParentId is null;
}
