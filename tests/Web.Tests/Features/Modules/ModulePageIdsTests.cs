using System.Text.RegularExpressions;
using Training.Courses.Content;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Modules;

/// <summary>A module's headings never take an id the page around them uses, such as the skip link's #main.</summary>
public sealed partial class ModulePageIdsTests : IDisposable
{
    private readonly string contentFolder = Path.Combine(Path.GetTempPath(), "training-ids-tests", Guid.NewGuid().ToString("N"));
    private readonly TrainingAppFactory app;

    public ModulePageIdsTests()
    {
        var folder = Path.Combine(contentFolder, "ids");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "course.yml"), """
            title: "Ids"
            summary: "A course for tests."
            audience: [police]
            topics: [ids]
            language: en
            estimatedHours: 1
            passMark: 70
            certificateValidityMonths: 12
            """);
        File.WriteAllText(Path.Combine(folder, "01-one.md"), Module("One", "[Go to the main part](#main)\n\n## Main\n\nThe main part.\n\n## Objectives\n\nText."));
        File.WriteAllText(Path.Combine(folder, "02-two.md"), Module("Two", "Back to [the main part of one](01-one.md#main)."));
        app = new TrainingAppFactory().WithSetting("Content:Folder", contentFolder);
    }

    [Fact]
    public async Task A_heading_called_main_does_not_take_the_skip_links_target_and_links_to_it_still_work()
    {
        var trainer = await app.LoggedInClientAsync((await app.CreateUserAsync("Ida Ids", Roles.Trainer)).Email!);

        var one = await trainer.GetStringAsync("/courses/ids/modules/one");
        var two = await trainer.GetStringAsync("/courses/ids/modules/two");

        Assert.Single(Regex.Matches(one, "id=\"main\""));
        Assert.Contains("<main id=\"main\"", one);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", one);
        Assert.Contains("<h2 id=\"section-main\">Main</h2>", one);
        Assert.Contains("<a href=\"#section-main\">Go to the main part</a>", one);
        Assert.Contains("<a href=\"#section-main\">Main</a>", one); // the table of contents
        Assert.Contains("<a href=\"/courses/ids/modules/one#section-main\">the main part of one</a>", two);
        Assert.Single(Regex.Matches(one, "id=\"objectives\""));
    }

    [Theory]
    [InlineData("/courses/ids/modules/one")]
    [InlineData("/courses/ids/modules/one/print")]
    public async Task Every_id_the_module_pages_use_around_the_module_is_in_the_list_headings_keep_off(string url)
    {
        var trainer = await app.LoggedInClientAsync((await app.CreateUserAsync("Ivo Ids", Roles.Trainer)).Email!);
        var moduleHtml = app.WithDb(db => db.Modules.Where(m => m.Slug == "one" && m.Course.Slug == "ids").Select(m => m.CurrentVersion!.Html).Single());

        var page = await trainer.GetStringAsync(url);
        Assert.Contains(moduleHtml, page);
        var around = page.Replace(moduleHtml, "", StringComparison.Ordinal);

        var ids = IdAttribute().Matches(around).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("main", ids);
        Assert.All(ids, id => Assert.Contains(id, ModuleMarkdown.PageIds));
    }

    private static string Module(string title, string body) => $"---\ntitle: \"{title}\"\nestimatedMinutes: 5\nobjectives: [Learn.]\nsources: []\n---\n\n{body}\n";

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    public void Dispose()
    {
        app.Dispose();
        try
        {
            Directory.Delete(contentFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
