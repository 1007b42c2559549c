using Training.Web.Features.DemoData;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.DemoData;

/// <summary>A site over its own fresh SQLite file, filled once by a small demo-data run.</summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    public static readonly string[] SmallRun = ["demo-data", "--learners", "300", "--units", "20", "--courses", "3", "--progress-rows", "3000"];

    public TrainingAppFactory App { get; } = new();

    public int Exit { get; private set; }

    public string[] Output { get; private set; } = [];

    public string Password => Output.Single(l => l.StartsWith("Password for all of them: ", StringComparison.Ordinal))["Password for all of them: ".Length..];

    public async Task InitializeAsync() => (Exit, Output) = await RunAsync(App, SmallRun);

    public static async Task<(int Exit, string[] Lines)> RunAsync(TrainingAppFactory app, params string[] args)
    {
        var output = new StringWriter();
        var exit = await DemoDataCommand.RunAsync(args, app.Services, output, CancellationToken.None);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
