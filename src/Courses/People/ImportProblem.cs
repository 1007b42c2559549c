namespace Training.Courses.People;

/// <summary>What is wrong with a line of a people file. The site words it (in the reader's language).</summary>
public enum ImportProblemKind
{
    EmptyFile,
    NotUtf8,
    BadQuotes,
    MissingColumn,
    UnknownColumn,
    DuplicateColumn,
    MissingValue,
    TooLong,
    BadEmail,
    DuplicateEmail,
    UnknownLanguage,
    UnknownUnit,
    UnitArchived,
    UnitOutsideScope,
    PersonOutsideScope,
}

/// <summary>
/// One problem in a people file: the file's physical line (1 is the header), the column it concerns
/// (null for the whole line) and the values the message names (a unit path, the other line of a duplicate).
/// </summary>
public sealed record ImportProblem(string File, int Line, string? Column, ImportProblemKind Kind, params string[] Values);
