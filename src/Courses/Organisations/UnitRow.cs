namespace Training.Courses.Organisations;

/// <summary>A unit as the admin's list shows it.</summary>
public sealed record UnitRow(int Id, int? ParentId, string Name, string Path, int Depth, bool Archived, int People, IReadOnlyList<string> Coordinators);

/// <summary>One unit with what its page needs.</summary>
public sealed record UnitDetail(UnitRow Unit, IReadOnlyList<CoordinatorRow> Coordinators, IReadOnlyList<UnitChoice> PossibleParents, bool CanDelete);

public sealed record CoordinatorRow(string UserId, string FullName, string Email, DateTime Since);

public sealed record UnitChoice(int Id, string Path);
