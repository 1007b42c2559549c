namespace Training.Courses.People;

/// <summary>A well-formed line of a people file, before units and existing accounts are looked up.</summary>
public sealed record PersonRow(int Line, string Email, string GivenName, string FamilyName, string UnitPath, string? JobTitle, string? Language)
{
    public string FullName => $"{GivenName} {FamilyName}";
}
