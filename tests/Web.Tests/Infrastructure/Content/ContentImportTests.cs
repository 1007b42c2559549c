using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Content;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Content;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Content;

public sealed class ContentImportTests : IDisposable
{
    private readonly string contentFolder = Path.Combine(Path.GetTempPath(), "training-import-tests", Guid.NewGuid().ToString("N"));
    private readonly TrainingAppFactory app;

    public ContentImportTests()
    {
        WriteCourse("alpha", "Alpha course");
        WriteCourse("beta", "Beta course");
        app = new TrainingAppFactory().WithSetting("Content:Folder", contentFolder);
        _ = app.Services; // starts the site, which imports the folder as written above
    }

    [Fact]
    public void The_site_imports_the_content_folder_at_start()
    {
        var courses = app.WithDb(db => db.Courses.OrderBy(c => c.Slug).Select(c => new { c.Slug, c.Title, Modules = c.Modules.Count }).ToList());

        Assert.Equal(["alpha", "beta"], courses.Select(c => c.Slug));
        Assert.All(courses, c => Assert.Equal(2, c.Modules));
        var html = app.WithDb(db => db.ModuleVersions.Where(v => v.Module.Slug == "one" && v.Module.Course.Slug == "alpha").Select(v => v.Html).Single());
        Assert.Contains("<h2 id=\"part-one\">Part one</h2>", html);
    }

    [Fact]
    public async Task Importing_unchanged_files_again_changes_nothing_in_the_database()
    {
        var before = Snapshot();

        var summary = await ImportAsync();

        Assert.Equal(new ImportSummary(0, 2, 0, 0), summary);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Editing_a_module_makes_a_new_version_and_progress_records_the_version_completed()
    {
        var learner = await app.CreateUserAsync("Lina Learner", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Training.Courses.Enrolment.EnrolmentService>().EnrolAsync(learner.Id, "alpha", default);
            Assert.Equal(CompletionOutcome.Completed,
                await scope.ServiceProvider.GetRequiredService<ProgressService>().MarkCompleteAsync(learner.Id, "alpha", "one", default));
        }
        var firstVersion = CurrentVersionId("alpha", "one");

        File.WriteAllText(Path.Combine(contentFolder, "alpha", "01-one.md"), Module("One, revised", "## Part one\n\nNew text."));
        var summary = await ImportAsync();

        var secondVersion = CurrentVersionId("alpha", "one");
        Assert.Equal(new ImportSummary(1, 1, 0, 1), summary);
        Assert.NotEqual(firstVersion, secondVersion);
        Assert.Equal(2, app.WithDb(db => db.ModuleVersions.Count(v => v.Module.Slug == "one" && v.Module.Course.Slug == "alpha")));
        Assert.Equal("One, revised", app.WithDb(db => db.ModuleVersions.Single(v => v.Id == secondVersion).Title));
        var completed = app.WithDb(db => db.ModuleCompletions.Where(c => c.UserId == learner.Id).Select(c => c.ModuleVersionId).ToList());
        Assert.Equal([firstVersion], completed);

        // Going back to the first text reuses the first version instead of adding a third.
        File.WriteAllText(Path.Combine(contentFolder, "alpha", "01-one.md"), Module("One", "## Part one\n\nText of alpha."));
        await ImportAsync();
        Assert.Equal(firstVersion, CurrentVersionId("alpha", "one"));
    }

    [Fact]
    public async Task A_broken_course_keeps_its_last_good_import_and_the_others_still_update()
    {
        File.WriteAllText(Path.Combine(contentFolder, "alpha", "course.yml"), "title: [broken\n");
        File.WriteAllText(Path.Combine(contentFolder, "beta", "02-two.md"), Module("Two, better", "## Part one\n\nBetter."));

        var summary = await ImportAsync();

        Assert.Equal(1, summary.CoursesSkipped);
        Assert.Equal("Alpha course", app.WithDb(db => db.Courses.Single(c => c.Slug == "alpha").Title));
        Assert.Equal("Two, better", app.WithDb(db => db.Modules.Where(m => m.Slug == "two" && m.Course.Slug == "beta").Select(m => m.CurrentVersion!.Title).Single()));
        var problems = app.Services.GetRequiredService<ContentImportState>().Problems;
        Assert.Contains(problems, p => p.File == Path.Combine("", new DirectoryInfo(contentFolder).Name, "alpha", "course.yml") && p.Line == 1);
    }

    [Fact]
    public async Task A_removed_module_is_retired_and_a_removed_course_unpublished()
    {
        File.Delete(Path.Combine(contentFolder, "alpha", "02-two.md"));
        Directory.Delete(Path.Combine(contentFolder, "beta"), recursive: true);

        await ImportAsync();

        Assert.True(app.WithDb(db => db.Modules.Single(m => m.Slug == "two" && m.Course.Slug == "alpha").IsRetired));
        Assert.False(app.WithDb(db => db.Courses.Single(c => c.Slug == "beta").IsPublished));
    }

    [Fact]
    public async Task With_watching_on_a_saved_file_is_imported_without_a_restart()
    {
        using var watched = TrainingAppFactory.Over(app.DataFolder).WithSetting("Content:Folder", contentFolder).WithSetting("Content:WatchForChanges", "true");
        _ = watched.Services;
        await Task.Delay(300);

        File.WriteAllText(Path.Combine(contentFolder, "alpha", "01-one.md"), Module("One, live edit", "## Part one\n\nEdited."));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string? title = null;
        while (DateTime.UtcNow < deadline && title != "One, live edit")
        {
            await Task.Delay(200);
            title = watched.WithDb(db => db.Modules.Where(m => m.Slug == "one" && m.Course.Slug == "alpha").Select(m => m.CurrentVersion!.Title).Single());
        }
        Assert.Equal("One, live edit", title);
    }

    [Fact]
    public async Task A_translation_is_stored_with_the_module_version_it_was_imported_with_and_importing_again_changes_nothing()
    {
        var alpha = Path.Combine(contentFolder, "alpha", "translations", "fr");
        Directory.CreateDirectory(alpha);
        File.WriteAllText(Path.Combine(alpha, "course.yml"), "title: Cours alpha\nsummary: Résumé d'alpha.\n");
        File.WriteAllText(Path.Combine(alpha, "glossary.yml"), "- original: debt bondage\n  term: servitude pour dettes\n  definition: Une dette qui lie.\n");
        File.WriteAllText(Path.Combine(alpha, "01-one.md"), Module("Un", "## Première partie\n\nTexte d'alpha."));

        Assert.Equal(new ImportSummary(1, 1, 0, 0), await ImportAsync());
        var firstVersion = CurrentVersionId("alpha", "one");
        var stored = TranslationSnapshot();
        Assert.Equal(new ImportSummary(0, 2, 0, 0), await ImportAsync());
        Assert.Equal(stored, TranslationSnapshot());

        var course = app.WithDb(db => db.CourseTranslations.Where(t => t.Language == "fr").Select(t => new { t.Title, Terms = t.Glossary.Select(g => g.OriginalTerm + "=" + g.Term + "#" + g.Anchor).ToList() }).Single());
        Assert.Equal("Cours alpha", course.Title);
        Assert.Equal(["debt bondage=servitude pour dettes#term-servitude-pour-dettes"], course.Terms);
        var module = app.WithDb(db => db.ModuleTranslations.Where(t => t.ModuleVersionId == firstVersion).Select(t => new { t.Language, t.Title, t.Html }).Single());
        Assert.Equal(("fr", "Un"), (module.Language, module.Title));
        Assert.Contains("<h2 id=\"première-partie\">Première partie</h2>", module.Html);
        Assert.False(app.WithDb(db => db.ModuleTranslations.Any(t => t.ModuleVersion.Module.Slug == "two")));

        // A new original text is a new version; its translation comes with it, the old version keeps its own.
        File.WriteAllText(Path.Combine(contentFolder, "alpha", "01-one.md"), Module("One", "## Part one\n\nRevised text."));
        await ImportAsync();
        var secondVersion = CurrentVersionId("alpha", "one");
        Assert.NotEqual(firstVersion, secondVersion);
        Assert.Equal([firstVersion, secondVersion], app.WithDb(db => db.ModuleTranslations.Where(t => t.Language == "fr" && t.ModuleVersion.Module.Slug == "one").OrderBy(t => t.ModuleVersionId).Select(t => t.ModuleVersionId).ToList()));
    }

    private async Task<ImportSummary> ImportAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAllAsync(contentFolder, default);
    }

    private int CurrentVersionId(string course, string module) =>
        app.WithDb(db => db.Modules.Where(m => m.Slug == module && m.Course.Slug == course).Select(m => m.CurrentVersionId!.Value).Single());

    private string Snapshot() => app.WithDb(db => string.Join("\n",
        db.Courses.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id} {c.Slug} {c.ContentHash} {c.ImportedAt:O}").ToList()
            .Concat(db.ModuleVersions.AsNoTracking().OrderBy(v => v.Id).Select(v => $"{v.Id} {v.ModuleId} {v.ContentHash} {v.ImportedAt:O}").ToList())
            .Concat(db.GlossaryTerms.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id} {t.Term}").ToList())));

    private string TranslationSnapshot() => app.WithDb(db => string.Join("\n",
        db.CourseTranslations.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id} {t.CourseId} {t.Language} {t.Title}").ToList()
            .Concat(db.CourseTranslations.SelectMany(t => t.Glossary).OrderBy(g => g.Id).Select(g => $"{g.Id} {g.Term}").ToList())
            .Concat(db.ModuleTranslations.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id} {t.ModuleVersionId} {t.Language} {t.ContentHash} {t.ImportedAt:O}").ToList())));

    private void WriteCourse(string slug, string title)
    {
        var folder = Path.Combine(contentFolder, slug);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "course.yml"), $"""
            title: {title}
            summary: Summary of {slug}.
            audience: [police]
            topics: [{slug}-topic]
            language: en
            estimatedHours: 1
            passMark: 70
            certificateValidityMonths: 12
            """);
        File.WriteAllText(Path.Combine(folder, "glossary.yml"), "- term: debt bondage\n  definition: A debt that binds.\n");
        File.WriteAllText(Path.Combine(folder, "01-one.md"), Module("One", $"## Part one\n\nText of {slug}."));
        File.WriteAllText(Path.Combine(folder, "02-two.md"), Module("Two", "## Part one\n\nSee [[debt bondage]] and [one](01-one.md#part-one)."));
    }

    private static string Module(string title, string body) => $"---\ntitle: \"{title}\"\nestimatedMinutes: 5\nobjectives: [Learn.]\nsources: []\n---\n\n{body}\n";

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
