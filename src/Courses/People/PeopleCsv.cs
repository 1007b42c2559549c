using System.Globalization;
using System.Text;
using CsvHelper;

namespace Training.Courses.People;

/// <summary>
/// Reads a people file (CSV with a header row naming its columns, in any order) and checks each line on
/// its own: required values, e-mail form, lengths, language, duplicates within the file. Units and
/// existing accounts are <see cref="PeopleImport"/>'s business.
/// </summary>
public static class PeopleCsv
{
    public const string Email = "email";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string UnitPath = "unit_path";
    public const string JobTitle = "job_title";
    public const string Language = "language";

    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 200;

    public static IReadOnlyList<string> Required { get; } = [Email, GivenName, FamilyName, UnitPath];

    public static IReadOnlyList<string> Columns { get; } = [Email, GivenName, FamilyName, UnitPath, JobTitle, Language];

    /// <summary>The documented template: the header and one example line.</summary>
    public static string Template { get; } =
        string.Join(',', Columns) + "\r\n" +
        "amina.haddad@example.org,Amina,Haddad,Border Police / North Region / Crossing A,Border guard,fr\r\n";

    /// <param name="languages">Languages people may be written to in (those with an invitation template).</param>
    public static (IReadOnlyList<PersonRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(
        string fileName, TextReader text, IReadOnlyCollection<string> languages)
    {
        var rows = new List<PersonRow>();
        var problems = new List<ImportProblem>();
        var malformed = new List<(long Line, bool Skipped)>();
        var options = CsvReaderOptions.Default with
        {
            // The separator is detected (',' ';' tab '|'): spreadsheets in many locales save with ';'.
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Add((record.LineNumber, record.Skipped)),
        };
        try
        {
            using var csv = CsvReader.Create(text, options, leaveOpen: true);
            var header = csv.Headers.ToArray();
            if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
            {
                problems.Add(new ImportProblem(fileName, 1, null, ImportProblemKind.EmptyFile));
                return (rows, problems);
            }
            var columns = ReadHeader(fileName, 1, header, problems);
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                string Field(string column) =>
                    columns.TryGetValue(column, out var i) && i < csv.FieldCount ? (csv.GetString(i) ?? "").Trim() : "";
                var row = CheckRow(fileName, line, Field, languages, problems);
                if (row is null)
                {
                    continue;
                }
                if (seen.TryGetValue(row.Email, out var first))
                {
                    problems.Add(new ImportProblem(fileName, line, Email, ImportProblemKind.DuplicateEmail, row.Email, first.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }
                seen.Add(row.Email, line);
                rows.Add(row);
            }
        }
        catch (Exception ex) when (ex is DecoderFallbackException || ex.InnerException is DecoderFallbackException)
        {
            problems.Add(new ImportProblem(fileName, 1, null, ImportProblemKind.NotUtf8));
        }
        problems.AddRange(malformed.Where(m => m.Skipped).Select(m => new ImportProblem(fileName, (int)m.Line, null, ImportProblemKind.BadQuotes)));
        return (rows, problems);
    }

    private static Dictionary<string, int> ReadHeader(string fileName, int line, string[] header, List<ImportProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            // A byte order mark survives when the caller decoded without detecting it.
            var name = header[i].Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();
            if (name.Length == 0 && i == header.Length - 1)
            {
                continue; // a trailing separator
            }
            if (!Columns.Contains(name))
            {
                problems.Add(new ImportProblem(fileName, line, header[i].Trim(), ImportProblemKind.UnknownColumn));
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(fileName, line, name, ImportProblemKind.DuplicateColumn));
            }
        }
        foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(fileName, line, missing, ImportProblemKind.MissingColumn));
        }
        return columns;
    }

    private static PersonRow? CheckRow(
        string fileName, int line, Func<string, string> field, IReadOnlyCollection<string> languages, List<ImportProblem> problems)
    {
        var before = problems.Count;
        foreach (var column in Required.Where(c => field(c).Length == 0))
        {
            problems.Add(new ImportProblem(fileName, line, column, ImportProblemKind.MissingValue));
        }
        var email = field(Email);
        if (email.Length > MaxEmailLength)
        {
            problems.Add(new ImportProblem(fileName, line, Email, ImportProblemKind.TooLong, MaxEmailLength.ToString(CultureInfo.InvariantCulture)));
        }
        else if (email.Length > 0 && !IsEmail(email))
        {
            problems.Add(new ImportProblem(fileName, line, Email, ImportProblemKind.BadEmail, email));
        }
        var given = field(GivenName);
        var family = field(FamilyName);
        if (given.Length + 1 + family.Length > MaxNameLength)
        {
            problems.Add(new ImportProblem(fileName, line, FamilyName, ImportProblemKind.TooLong, MaxNameLength.ToString(CultureInfo.InvariantCulture)));
        }
        var jobTitle = field(JobTitle);
        if (jobTitle.Length > MaxNameLength)
        {
            problems.Add(new ImportProblem(fileName, line, JobTitle, ImportProblemKind.TooLong, MaxNameLength.ToString(CultureInfo.InvariantCulture)));
        }
        var language = field(Language).ToLowerInvariant();
        if (language.Length > 0 && !languages.Contains(language))
        {
            problems.Add(new ImportProblem(fileName, line, Language, ImportProblemKind.UnknownLanguage, language, string.Join(", ", languages)));
        }
        return problems.Count > before ? null
            : new PersonRow(line, email, given, family, field(UnitPath), jobTitle.Length == 0 ? null : jobTitle, language.Length == 0 ? null : language);
    }

    /// <summary>
    /// An address people can log in with: one '@', a dotted domain, and only the characters Identity
    /// accepts in a user name (the address is the user name), so the account can later be updated.
    /// </summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }
        var domain = value[(at + 1)..];
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@' or '+')
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.') && !domain.EndsWith('.') && !value.Contains("..", StringComparison.Ordinal)
            && !value.StartsWith('.') && value[at - 1] != '.';
    }
}
