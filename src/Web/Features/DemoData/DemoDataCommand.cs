using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

/// <summary>
/// <c>dotnet run --project src/Web -- demo-data [options]</c>: fills the configured database with a
/// generated organisation, people, courses and progress for trying dashboards at scale. Run from
/// Program.cs after migrations, instead of the web server. Refuses a database with people in it
/// (beyond the demo accounts) unless --force, so it never mixes with real data by accident.
/// </summary>
public static class DemoDataCommand
{
    /// <summary>More people than this means the database is in use: the demo accounts are 9.</summary>
    public const int MaxExistingPeople = 20;

    public static bool Matches(string[] args) => args is ["demo-data", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var options = DemoDataOptions.Parse(args, out var problem);
        if (options is null)
        {
            output.WriteLine(problem);
            output.WriteLine(DemoDataOptions.Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var existing = await db.Users.CountAsync(cancellationToken);
        if (existing > MaxExistingPeople && !options.Force)
        {
            output.WriteLine($"The database already has {existing} people. demo-data is for an empty database; add --force to add to this one anyway.");
            return 1;
        }
        // A second run with --force gets its own names, so it cannot clash with the first.
        var tag = existing == 0 ? "" : $".r{existing}";
        output.WriteLine($"Generating {options.Learners} learners in {options.Units} units, {options.Courses} courses, {options.ProgressRows} module completions (seed {options.Seed})...");
        var generator = ActivatorUtilities.CreateInstance<DemoDataGenerator>(scope.ServiceProvider);
        var summary = await generator.GenerateAsync(options, tag, cancellationToken);
        foreach (var (what, count) in summary.Counts)
        {
            output.WriteLine($"  {what,-28} {count.ToString("N0", CultureInfo.InvariantCulture),12}");
        }
        output.WriteLine($"Done in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        output.WriteLine($"Log in as any generated person (e.g. {summary.SampleLearnerEmail}, coordinator.1{tag}@{DemoNames.EmailDomain}, {summary.AdminEmail})");
        output.WriteLine($"Password for all of them: {summary.Password}");
        return 0;
    }
}
