using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Content;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Content;

/// <summary>The site reads its local annex from Content:LocalAnnexFolder when it imports the courses.</summary>
public sealed class LocalAnnexImportTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "training-annex-import-tests-" + Guid.NewGuid().ToString("N"));
    private readonly TrainingAppFactory app;

    private string ContentFolder => Path.Combine(root, "content");

    private string AnnexFolder => Path.Combine(root, "annex");

    public LocalAnnexImportTests()
    {
        var course = Path.Combine(ContentFolder, "referral");
        Directory.CreateDirectory(course);
        Directory.CreateDirectory(AnnexFolder);
        File.WriteAllText(Path.Combine(course, "course.yml"),
            "title: Referral\nsummary: Who to call.\naudience: [police]\ntopics: [referral]\nlanguage: en\nestimatedHours: 1\npassMark: 70\ncertificateValidityMonths: 12\nsources: []\n");
        File.WriteAllText(Path.Combine(course, "01-who-to-call.md"),
            "---\ntitle: Who to call\nestimatedMinutes: 5\nobjectives: [Call the right number.]\nsources: []\n---\n\nAsk first.\n\n{{annex: hotlines}}\n\n{{annex: shelters}}\n\n## In short\n\n- Call.\n");
        File.WriteAllText(Path.Combine(AnnexFolder, "hotlines.md"), "National hotline: **0800 111 111**.");
        app = new TrainingAppFactory().WithSetting("Content:Folder", ContentFolder).WithSetting("Content:LocalAnnexFolder", AnnexFolder);
        _ = app.Services; // starts the site, which imports the folder
    }

    [Fact]
    public async Task The_module_shows_the_sites_annex_a_placeholder_for_one_it_lacks_and_an_edited_annex_after_the_next_import()
    {
        var html = ModuleHtml();
        Assert.Contains("National hotline: <strong>0800 111 111</strong>.", html);
        Assert.Contains("This site has not added its local information on shelters yet.", html);
        var versions = app.WithDb(db => db.ModuleVersions.Count());

        File.WriteAllText(Path.Combine(AnnexFolder, "hotlines.md"), "National hotline: **0800 222 222**.");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAllAsync(ContentFolder, default);
        }

        html = ModuleHtml();
        Assert.Contains("0800 222 222", html);
        Assert.DoesNotContain("0800 111 111", html);
        Assert.Equal(versions, app.WithDb(db => db.ModuleVersions.Count())); // the module's own text did not change
    }

    private string ModuleHtml() => app.WithDb(db => db.Modules.Where(m => m.Slug == "who-to-call")
        .Select(m => m.Versions.Single(v => v.Id == m.CurrentVersionId).Html).Single());

    public void Dispose()
    {
        app.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
