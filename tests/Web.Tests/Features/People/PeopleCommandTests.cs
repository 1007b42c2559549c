using Microsoft.EntityFrameworkCore;
using Training.Web.Features.People;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.People;

public sealed class PeopleCommandTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("training-people-command-").FullName;

    private async Task<(int Exit, string[] Lines)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await PeopleCommand.RunAsync(args, app.Services, output, CancellationToken.None);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Problems_are_printed_as_file_line_message_with_a_non_zero_exit_and_nothing_is_written()
    {
        var units = await app.CreateUnitsAsync("Cli");
        var good = PeopleFixture.Unique("cli");
        var file = Path.Combine(folder, "people.csv");
        await File.WriteAllTextAsync(file, $"email,given_name,family_name,unit_path\n{good},G,H,{units[1].Path}\nwrong,B,C,{units[1].Path}\n");

        var (exit, lines) = await RunAsync("people", "import", file);

        Assert.Equal(1, exit);
        Assert.Contains($"{file}:3: email: Bad e-mail address \"wrong\".", lines);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == good)));
    }

    [Fact]
    public async Task A_good_file_prints_the_summary_and_a_dry_run_writes_nothing()
    {
        var units = await app.CreateUnitsAsync("Cli2");
        var email = PeopleFixture.Unique("cli2");
        var file = Path.Combine(folder, "good.csv");
        await File.WriteAllTextAsync(file, $"email,given_name,family_name,unit_path\n{email},G,H,{units[1].Path}\n");

        var (dryExit, dryLines) = await RunAsync("people", "import", file, "--dry-run");
        var afterDryRun = await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email));
        var (exit, lines) = await RunAsync("people", "import", file);

        Assert.Equal(0, dryExit);
        Assert.StartsWith("Dry run, nothing written: 1 would be created, 0 moved, 0 unchanged", dryLines[^1], StringComparison.Ordinal);
        Assert.False(afterDryRun);
        Assert.Equal(0, exit);
        Assert.Contains(lines, l => l.StartsWith("1 created, 0 moved, 0 unchanged (", StringComparison.Ordinal));
        Assert.True(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_wrong_command_prints_usage()
    {
        var (exit, lines) = await RunAsync("people", "export");

        Assert.Equal(2, exit);
        Assert.Equal(PeopleCommand.Usage, lines[0]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
