using Microsoft.Extensions.Configuration;
using Training.Web.Infrastructure.Content;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Content;

public sealed class ContentCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "training-validate-tests", Guid.NewGuid().ToString("N"));
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [Fact]
    public void The_repository_courses_validate_cleanly()
    {
        var output = new StringWriter();

        var exit = ContentCommand.Run(["content", "validate", Path.Combine(RepositoryPaths.Root, "course-content")], NoSettings, output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("no problems", output.ToString());
    }

    [Fact]
    public void Problems_are_printed_as_file_line_message_and_the_exit_code_is_non_zero()
    {
        var course = Path.Combine(folder, "broken-course");
        Directory.CreateDirectory(course);
        File.WriteAllText(Path.Combine(course, "course.yml"), "title: T\nsummary: [oops\n");
        File.WriteAllText(Path.Combine(course, "01-a.md"), "---\ntitle: A\nestimatedMinutes: 5\nobjectives: [x]\n---\n\n![](images/none.png)\n");
        var output = new StringWriter();

        var exit = ContentCommand.Run(["content", "validate", course], NoSettings, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.EndsWith("course.yml:2: YAML: this value has the wrong shape: a text or number was expected, not a list. Check brackets and quotes (a title with a colon needs quotes).", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("01-a.md:7: The image 'images/none.png' has no alt text", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("01-a.md:7: Missing image 'images/none.png'", StringComparison.Ordinal));
        Assert.StartsWith("1 of 1 courses have problems", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_subcommand_prints_usage()
    {
        var output = new StringWriter();

        Assert.Equal(2, ContentCommand.Run(["content", "check"], NoSettings, output));
        Assert.Contains("Usage: dotnet run --project src/Web -- content validate [folder]", output.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
