using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Features.People;

/// <summary>How the browser and the command line word a problem in a people file.</summary>
public sealed class ImportProblemText(IStringLocalizer<SharedResource> localizer)
{
    public string Describe(ImportProblem problem)
    {
        var v = problem.Values;
        return problem.Kind switch
        {
            ImportProblemKind.EmptyFile => localizer["The file is empty: the first line must name the columns."],
            ImportProblemKind.NotUtf8 => localizer["The file is not UTF-8 text: save it as \"CSV UTF-8\"."],
            ImportProblemKind.BadQuotes => localizer["Badly quoted line: a value in quotes must end with a quote, and a quote inside it must be doubled."],
            ImportProblemKind.MissingColumn => localizer["The header has no column {0}.", problem.Column ?? ""],
            ImportProblemKind.UnknownColumn => localizer["Unknown column \"{0}\": the columns are {1}.", problem.Column ?? "", string.Join(", ", PeopleCsv.Columns)],
            ImportProblemKind.DuplicateColumn => localizer["The column {0} appears twice.", problem.Column ?? ""],
            ImportProblemKind.MissingValue => localizer["Missing required value: {0}.", problem.Column ?? ""],
            ImportProblemKind.TooLong => localizer["Too long: at most {0} characters.", At(v, 0)],
            ImportProblemKind.BadEmail => localizer["Bad e-mail address \"{0}\".", At(v, 0)],
            ImportProblemKind.DuplicateEmail => localizer["Duplicate e-mail address {0}: also on line {1}.", At(v, 0), At(v, 1)],
            ImportProblemKind.UnknownLanguage => localizer["Unknown language \"{0}\": use one of {1}, or leave it empty for English.", At(v, 0), At(v, 1)],
            ImportProblemKind.UnknownUnit => localizer["Unknown unit \"{0}\".", At(v, 0)],
            ImportProblemKind.UnitArchived => localizer["Unit archived: \"{0}\" takes no new people.", At(v, 0)],
            ImportProblemKind.UnitOutsideScope => localizer["The unit \"{0}\" is outside the units you coordinate.", At(v, 0)],
            ImportProblemKind.PersonOutsideScope => localizer["{0} already has an account in a unit outside the units you coordinate.", At(v, 0)],
            _ => problem.Kind.ToString(),
        };
    }

    /// <summary>The command line's form: FILE:LINE: message.</summary>
    public string Line(ImportProblem problem) =>
        $"{problem.File}:{problem.Line}: {(problem.Column is null ? "" : problem.Column + ": ")}{Describe(problem)}";

    private static string At(string[] values, int index) => index < values.Length ? values[index] : "";
}
