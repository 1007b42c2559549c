using System.Text;
using Training.Courses.People;

namespace Training.Courses.Tests.People;

public sealed class PeopleCsvTests
{
    private static readonly string[] Languages = ["en", "fr"];

    private static (IReadOnlyList<PersonRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(string text) =>
        PeopleCsv.Read("people.csv", new StringReader(text), Languages);

    [Fact]
    public void Columns_may_come_in_any_order_with_any_case_and_quoted_fields_keep_their_commas_and_line_breaks()
    {
        var (rows, problems) = Read(
            " Unit_Path ,EMAIL,family_name,given_name,job_title\n" +
            "\"Border Police / North\",amina@example.org,Haddad,Amina,\"Officer, grade 2\"\n" +
            "\n" +
            "Border Police / North,li@example.org,\"Li\nWei\",Chen,\n");

        Assert.Empty(problems);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new PersonRow(2, "amina@example.org", "Amina", "Haddad", "Border Police / North", "Officer, grade 2", null), rows[0]);
        Assert.Equal(4, rows[1].Line);
        Assert.Equal("Li\nWei", rows[1].FamilyName);
    }

    [Fact]
    public void Line_numbers_are_the_files_physical_lines_after_a_field_spanning_lines()
    {
        var (_, problems) = Read(
            "email,given_name,family_name,unit_path\n" +
            "a@example.org,\"Two\nlines\",X,U\n" +
            "not-an-address,B,Y,U\n");

        var problem = Assert.Single(problems);
        Assert.Equal(("people.csv", 4, "email", ImportProblemKind.BadEmail), (problem.File, problem.Line, problem.Column, problem.Kind));
        Assert.Equal(["not-an-address"], problem.Values);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("email,given_name,family_name,unit_path\nè@example.org,Zoë,Ñúñez,U\n")).ToArray();
        // Decoded without detecting the mark (as some callers do), and with it.
        var undetected = PeopleCsv.Read("f.csv", new StringReader(new UTF8Encoding(false).GetString(bytes)), Languages);
        var detected = PeopleCsv.Read("f.csv", new StreamReader(new MemoryStream(bytes), Encoding.UTF8, true), Languages);

        Assert.DoesNotContain(undetected.Problems, p => p.Kind is ImportProblemKind.UnknownColumn or ImportProblemKind.MissingColumn);
        Assert.DoesNotContain(detected.Problems, p => p.Kind is ImportProblemKind.UnknownColumn or ImportProblemKind.MissingColumn);
    }

    [Fact]
    public void Unknown_and_missing_columns_are_reported_on_the_header_line()
    {
        var (_, problems) = Read("email,given_name,surname,unit_path\n");

        Assert.Contains(new ImportProblem("people.csv", 1, "surname", ImportProblemKind.UnknownColumn), problems, ProblemComparer.Instance);
        Assert.Contains(new ImportProblem("people.csv", 1, "family_name", ImportProblemKind.MissingColumn), problems, ProblemComparer.Instance);
    }

    [Fact]
    public void Each_bad_line_is_reported_with_its_column()
    {
        var (rows, problems) = Read(
            "email,given_name,family_name,unit_path,language\n" +
            "a@example.org,A,A,U,fr\n" +
            ",B,B,U,\n" +
            "c@example,C,C,U,\n" +
            "A@example.org,D,D,U,\n" +
            "e@example.org,E,E,U,xx\n");

        Assert.Single(rows);
        Assert.Equal(
            ["3 email MissingValue", "4 email BadEmail", "5 email DuplicateEmail", "6 language UnknownLanguage"],
            problems.Select(p => $"{p.Line} {p.Column} {p.Kind}"));
        Assert.Equal(["A@example.org", "2"], problems[2].Values);
    }

    [Fact]
    public void A_semicolon_separated_file_from_a_french_spreadsheet_reads_the_same()
    {
        var (rows, problems) = Read("email;given_name;family_name;unit_path\nam@example.org;Amélie;Roux;Douanes / Lyon\n");

        Assert.Empty(problems);
        Assert.Equal("Douanes / Lyon", Assert.Single(rows).UnitPath);
    }

    [Fact]
    public void An_empty_file_is_a_problem()
    {
        Assert.Equal(ImportProblemKind.EmptyFile, Assert.Single(Read("").Problems).Kind);
    }

    [Theory]
    [InlineData("name@example.org", true)]
    [InlineData("first.last+tag@sub.example.org", true)]
    [InlineData("name@localhost", false)]
    [InlineData("name example@example.org", false)]
    [InlineData("a@b@example.org", false)]
    [InlineData("@example.org", false)]
    [InlineData("name.@example.org", false)]
    public void Addresses_must_be_usable_as_log_in_names(string address, bool valid) =>
        Assert.Equal(valid, PeopleCsv.IsEmail(address));

    private sealed class ProblemComparer : IEqualityComparer<ImportProblem>
    {
        public static ProblemComparer Instance { get; } = new();

        public bool Equals(ImportProblem? x, ImportProblem? y) =>
            x is not null && y is not null && (x.File, x.Line, x.Column, x.Kind) == (y.File, y.Line, y.Column, y.Kind);

        public int GetHashCode(ImportProblem obj) => HashCode.Combine(obj.Line, obj.Kind);
    }
}
