using System.Diagnostics;

namespace Training.Web.Tests.Infrastructure.Site;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("contnet", "validate")]
    [InlineData("serve")]
    public async Task An_unknown_command_prints_the_commands_and_exits_non_zero_without_starting_the_site(params string[] arguments)
    {
        var webDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [webDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "The site started instead of refusing the command.");

        var text = await output + await errors;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains($"Unknown command: {string.Join(' ', arguments)}", text);
        Assert.Contains("content validate", text);
        Assert.Contains("people import FILE [--dry-run]", text);
        Assert.DoesNotContain("Now listening", text);
    }
}
