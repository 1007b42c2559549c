namespace Training.Courses.People;

/// <summary>A person an import moved: from one unit (none: null) to another.</summary>
public sealed record PersonMove(int Line, string Email, string? FromUnit, string ToUnit);

/// <summary>
/// What an import did, or would do (<see cref="DryRun"/>): the problems, when there are any (then nothing
/// was written), or the counts and the moves.
/// </summary>
public sealed record PeopleImportResult(
    string FileName, bool DryRun, IReadOnlyList<ImportProblem> Problems, int Created, IReadOnlyList<PersonMove> Moved, int Unchanged)
{
    public bool Succeeded => Problems.Count == 0;

    public static PeopleImportResult Failed(string fileName, bool dryRun, IEnumerable<ImportProblem> problems) =>
        new(fileName, dryRun, [.. problems.OrderBy(p => p.Line)], 0, [], 0);
}
