using System.Diagnostics;
using System.Reflection;
using System.Text;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Bench;

/// <summary>
/// Keeps bench/journey.sh working: 5 learners go through the whole journey once and 5 start the quiz in a
/// burst, against this build's site. Asserts that every step ran without an error; nothing about time.
/// </summary>
public sealed class JourneySmokeTests : IDisposable
{
    private static readonly string[] JourneySteps =
        ["answer-save", "catalog", "certificate", "course", "finish", "home", "login", "login-page", "logout", "module",
         "page-finish", "page-next", "quiz", "quiz-page", "result", "start", "submit"];

    private static readonly string[] BurstSteps = ["answer-save", "page-next", "quiz-page", "start"];

    private readonly string results = Path.Combine(Path.GetTempPath(), "training-tests", Guid.NewGuid().ToString("N"), "journey.txt");

    [Fact]
    public async Task Five_learners_go_through_the_whole_journey_and_a_burst_without_an_error()
    {
        var configuration = typeof(JourneySmokeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("bench/journey.sh");
        foreach (var inherited in start.Environment.Keys.Where(InheritedSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["BENCH_USERS"] = "5";
        start.Environment["BENCH_LOOPS"] = "1";
        start.Environment["BENCH_RAMP"] = "1";
        start.Environment["BENCH_THINK_MS"] = "0";
        start.Environment["BENCH_BURST_RAMP"] = "1";
        start.Environment["BENCH_FLOOR_DURATION"] = "1s";
        start.Environment["BENCH_FLOOR_WARMUP"] = "1s";
        start.Environment["BENCH_MAX_MINUTES"] = "2";
        start.Environment["BENCH_NO_BUILD"] = "1";
        start.Environment["BENCH_CONFIGURATION"] = configuration;
        start.Environment["BENCH_RESULTS"] = results;

        using var bench = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = bench.StandardOutput.ReadToEndAsync();
        var stderr = bench.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await bench.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bench.Kill(entireProcessTree: true);
            throw;
        }
        output.Append(await stdout).Append(await stderr);

        Assert.True(bench.ExitCode == 0, $"bench/journey.sh exited with {bench.ExitCode}:\n{output}");
        var summary = await File.ReadAllTextAsync(results);
        var runs = summary.Split('\n').Where(l => l.StartsWith("JOURNEY ", StringComparison.Ordinal)).ToList();
        Assert.True(runs.Count == 2, summary);
        Assert.Equal(2, summary.Split('\n').Count(l => l.EndsWith("5 of 5 learners finished", StringComparison.Ordinal)));
        Assert.Contains($"errors=0 steps={string.Join(',', JourneySteps)}", runs[0], StringComparison.Ordinal);
        Assert.Contains($"errors=0 steps={string.Join(',', BurstSteps)}", runs[1], StringComparison.Ordinal);
        var floorRows = summary.Split('\n').SkipWhile(l => !l.StartsWith("Floor", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0).ToList();
        foreach (var floor in new[] { "static", "module", "certificate" })
        {
            var row = floorRows.Single(l => l.StartsWith(floor + " ", StringComparison.Ordinal));
            Assert.True(row.TrimEnd().EndsWith(" 0", StringComparison.Ordinal), $"{floor} had errors:\n{summary}");
        }
    }

    private static bool InheritedSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("BENCH_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.Contains("__", StringComparison.Ordinal);

    public void Dispose()
    {
        var folder = Path.GetDirectoryName(results)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
