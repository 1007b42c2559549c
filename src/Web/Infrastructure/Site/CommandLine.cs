namespace Training.Web.Infrastructure.Site;

/// <summary>
/// <c>dotnet run --project src/Web -- &lt;noun&gt; &lt;verb&gt;</c>. The first argument that is a plain word names a
/// command; host settings (<c>--urls=...</c>, <c>Key=Value</c>) are not words. An unknown word prints the
/// commands and exits non-zero instead of starting the web server.
/// </summary>
public static class CommandLine
{
    public static IReadOnlyList<(string Usage, string Description)> Commands { get; } =
    [
        ("content validate [folder]", "check the courses in course-content/ (or one course folder); file:line: message per problem"),
        ("content export COURSE FOLDER", "write a course's files, as the site imported them, to FOLDER/COURSE (or to FOLDER when it ends in .zip)"),
        ("content import ZIP [--as COURSE]", "import a zip of a course folder as a course kept on the site (new, or a new version of one)"),
        ("certificate verify <payload> [--public-key file.pem]", "check the signed payload of a certificate's QR code offline"),
        ("people import FILE [--dry-run]", "add or move people from a CSV file (all or nothing); --dry-run only checks it"),
        ("users grant-admin EMAIL", "make an existing account an admin (the first admin of a new installation); audited"),
        ("demo-data [--learners N] [--units N] [--courses N] [--progress-rows N] [--seed N] [--force]",
            "fill an empty database with generated units, people, courses, assignments and progress"),
        ("backup FILE", "write a consistent copy of the SQLite database to FILE (a new file), also while the site runs"),
    ];

    private static readonly string[] Nouns = ["content", "certificate", "people", "users", "demo-data", "backup"];

    /// <summary>Whether the arguments name a command rather than settings for the web server.</summary>
    public static bool NamesCommand(string[] args) =>
        args.Length > 0 && args[0].Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static bool IsKnown(string[] args) => NamesCommand(args) && Nouns.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Prints the list of commands; exit code 2 when called for an unknown one.</summary>
    public static int PrintCommands(TextWriter output, string? unknown)
    {
        if (unknown is not null)
        {
            output.WriteLine($"Unknown command: {unknown}");
        }
        output.WriteLine("Usage: dotnet run --project src/Web -- <command>");
        output.WriteLine("Without a command the web site starts. Commands:");
        foreach (var (usage, description) in Commands)
        {
            output.WriteLine($"  {usage,-50} {description}");
        }
        return unknown is null ? 0 : 2;
    }
}
