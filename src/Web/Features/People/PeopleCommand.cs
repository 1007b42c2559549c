using System.Diagnostics;
using System.Globalization;
using System.Text;
using Training.Courses.People;

namespace Training.Web.Features.People;

/// <summary>
/// <c>dotnet run --project src/Web -- people import FILE [--dry-run]</c>: imports a people file into the
/// configured database as the command line (an admin's scope), prints each problem as FILE:LINE: message
/// and exits 1, or prints the summary and exits 0. Invitation mails wait in the outbox until the site runs.
/// </summary>
public static class PeopleCommand
{
    public const string Usage = "Usage: dotnet run --project src/Web -- people import FILE [--dry-run]";

    public static bool Matches(string[] args) => args is ["people", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (args is not ["people", "import", var file, ..] || args.Length > 4 || (args.Length == 4 && args[3] != "--dry-run"))
        {
            output.WriteLine(Usage);
            return 2;
        }
        var dryRun = args.Length == 4;
        var path = Locate(file);
        if (!File.Exists(path))
        {
            output.WriteLine($"{file}: no such file.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<PeopleImport>();
        var texts = scope.ServiceProvider.GetRequiredService<ImportProblemText>();
        var clock = Stopwatch.StartNew();
        PeopleImportResult result;
        using (var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true))
        {
            result = await import.ImportAsync(Actor.CommandLine(), file, reader, dryRun, cancellationToken);
        }
        foreach (var problem in result.Problems)
        {
            output.WriteLine(texts.Line(problem));
        }
        if (!result.Succeeded)
        {
            output.WriteLine($"{result.Problems.Count} problems: nothing was imported.");
            return 1;
        }
        foreach (var move in result.Moved)
        {
            output.WriteLine($"{file}:{move.Line}: {move.Email} {(dryRun ? "would move" : "moved")} from {move.FromUnit ?? "no unit"} to {move.ToUnit}");
        }
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine(dryRun
            ? $"Dry run, nothing written: {result.Created} would be created, {result.Moved.Count} moved, {result.Unchanged} unchanged ({seconds} s)."
            : $"{result.Created} created, {result.Moved.Count} moved, {result.Unchanged} unchanged ({seconds} s).");
        if (!dryRun && result.Created > 0)
        {
            output.WriteLine("Invitation mails are queued in the outbox; the site sends them when it runs.");
        }
        return 0;
    }

    /// <summary>
    /// <c>dotnet run --project src/Web</c> starts the program in src/Web, not where the command was typed:
    /// a relative path not found there is looked up in the folders above (the repository root among them).
    /// </summary>
    private static string Locate(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file))
        {
            return file;
        }
        for (var dir = Directory.GetParent(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, file);
            if (File.Exists(candidate))
            {
                return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
            }
        }
        return file;
    }
}
