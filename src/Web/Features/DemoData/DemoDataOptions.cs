using System.Globalization;

namespace Training.Web.Features.DemoData;

/// <summary>What <c>demo-data</c> generates; the defaults are the size of issue 14's data set.</summary>
public sealed record DemoDataOptions
{
    public const string Usage =
        "Usage: dotnet run --project src/Web -- demo-data [--learners 50000] [--units 500] [--courses 20] [--progress-rows 1000000] [--seed 14] [--force]";

    /// <summary>Every generated course has at least this many modules, so this many completions per learner and course always fit.</summary>
    public const int MinModules = 4;

    public int Learners { get; init; } = 50_000;

    /// <summary>All units, organisations included.</summary>
    public int Units { get; init; } = 500;

    public int Courses { get; init; } = 20;

    /// <summary>Module completions: the bulk of a learner's progress.</summary>
    public int ProgressRows { get; init; } = 1_000_000;

    public int Seed { get; init; } = 14;

    /// <summary>Add the data even to a database that already has people.</summary>
    public bool Force { get; init; }

    /// <summary>Reads <c>demo-data --name value ...</c>; null with a message on anything unknown or out of range.</summary>
    public static DemoDataOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var options = new DemoDataOptions();
        problem = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--force")
            {
                options = options with { Force = true };
                continue;
            }
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{args[i]}: expected a whole number after it.";
                return null;
            }
            options = args[i] switch
            {
                "--learners" => options with { Learners = value },
                "--units" => options with { Units = value },
                "--courses" => options with { Courses = value },
                "--progress-rows" => options with { ProgressRows = value },
                "--seed" => options with { Seed = value },
                _ => null!,
            };
            if (options is null)
            {
                problem = $"{args[i]}: unknown option.";
                return null;
            }
            i++;
        }
        problem = options.Check();
        return problem is null ? options : null;
    }

    private string? Check() =>
        Learners is < 1 or > 1_000_000 ? "--learners: between 1 and 1,000,000."
        : Units is < 3 or > 100_000 ? "--units: between 3 (an organisation, a region, a post) and 100,000."
        : Courses is < 1 or > 1_000 ? "--courses: between 1 and 1,000."
        : (long)ProgressRows > (long)Learners * Courses * MinModules
            ? $"--progress-rows: at most learners x courses x {MinModules} = {(long)Learners * Courses * MinModules}."
        : null;
}
