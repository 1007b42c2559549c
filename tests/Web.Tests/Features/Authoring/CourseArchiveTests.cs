using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Content;
using Training.Web.Features.Authoring;
using Training.Web.Infrastructure.Content;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Authoring;

/// <summary>
/// The folder format is the exchange format: a course exported from one site and imported into an empty one
/// exports again as the same files, byte for byte, and the start-up import never touches a course the site keeps.
/// </summary>
public sealed class CourseArchiveTests : IDisposable
{
    private readonly string emptyContent = Path.Combine(Path.GetTempPath(), "training-tests", "empty-content-" + Guid.NewGuid().ToString("N"));

    public CourseArchiveTests() => Directory.CreateDirectory(emptyContent);

    public static TheoryData<string> ShippedCourses() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "course-content")).Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ShippedCourses))]
    public async Task A_shipped_course_exported_imported_into_an_empty_site_and_exported_again_gives_the_same_files(string slug)
    {
        using var source = new TrainingAppFactory();
        var first = await ExportAsync(source, slug);
        // What the site keeps is the folder as it is in the repository.
        var folder = CourseFiles.FromFolder(Path.Combine(RepositoryPaths.Root, "course-content", slug), RepositoryPaths.Root);
        AssertSame(folder, first);

        using var empty = new TrainingAppFactory().WithSetting("Content:Folder", emptyContent);
        Assert.Equal(0, empty.WithDb(db => db.Courses.Count()));
        using (var zip = new MemoryStream())
        {
            first.WriteZip(zip);
            zip.Position = 0;
            var result = await ImportAsync(empty, zip, slug);
            Assert.True(result.Imported, string.Join('\n', result.Problems));
        }
        AssertSame(first, await ExportAsync(empty, slug));

        // Imported as the original site has it: modules, quizzes and translations, kept by the site.
        int[] Shape(TrainingAppFactory app) => app.WithDb(db => new[]
        {
            db.Modules.Count(m => m.Course.Slug == slug && !m.IsRetired),
            db.Quizzes.Count(q => db.Courses.Any(c => c.Id == q.CourseId && c.Slug == slug) && !q.IsRetired),
            db.CourseTranslations.Count(t => db.Courses.Any(c => c.Id == t.CourseId && c.Slug == slug)),
            db.QuizTranslations.Count(t => db.QuizVersions.Any(v => v.Id == t.QuizVersionId && db.Quizzes.Any(q => q.CurrentVersionId == v.Id && db.Courses.Any(c => c.Id == q.CourseId && c.Slug == slug)))),
        });
        Assert.Equal(Shape(source), Shape(empty));
        Assert.Equal(CourseManagement.Site, empty.WithDb(db => db.Courses.Single(c => c.Slug == slug).ManagedBy));
        Assert.Equal(CourseManagement.Files, source.WithDb(db => db.Courses.Single(c => c.Slug == slug).ManagedBy));
    }

    [Fact]
    public async Task The_start_up_import_leaves_a_course_kept_on_the_site_alone_and_says_so()
    {
        using var quizContent = new QuizContent();
        using var app = new TrainingAppFactory().WithSetting("Content:Folder", emptyContent);
        using (var zip = ZipOf(Path.Combine(quizContent.Folder, QuizContent.Course)))
        {
            Assert.True((await ImportAsync(app, zip, "kept-course")).Imported);
        }
        Assert.Equal("Quiz course", app.WithDb(db => db.Courses.Single(c => c.Slug == "kept-course").Title));
        Assert.True(app.WithDb(db => db.Quizzes.Any(q => db.Courses.Any(c => c.Id == q.CourseId && c.Slug == "kept-course"))));

        // A folder of the same name appears in course-content/ with other text: the site's course wins.
        var folder = Path.Combine(emptyContent, "kept-course");
        CopyFolder(Path.Combine(quizContent.Folder, QuizContent.Course), folder);
        File.WriteAllText(Path.Combine(folder, "course.yml"), File.ReadAllText(Path.Combine(folder, "course.yml")).Replace("title: Quiz course", "title: Overwritten", StringComparison.Ordinal));
        File.Delete(Path.Combine(folder, "final.quiz.md"));
        ImportSummary summary;
        using (var scope = app.Services.CreateScope())
        {
            summary = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAllAsync(emptyContent, default);
            await app.Services.ImportContentAsync(default);
        }
        Assert.Equal(1, summary.CoursesSiteManaged);
        Assert.Equal(0, summary.CoursesChanged);
        var course = app.WithDb(db => db.Courses.Single(c => c.Slug == "kept-course"));
        Assert.Equal("Quiz course", course.Title);
        Assert.True(course.IsPublished);
        Assert.True(app.WithDb(db => db.Quizzes.Any(q => q.CourseId == course.Id && q.Key == "final" && !q.IsRetired)));

        // Without the folder it stays published too (a course whose folder is gone is withdrawn only if files keep it).
        Directory.Delete(folder, recursive: true);
        await app.Services.ImportContentAsync(default);
        Assert.True(app.WithDb(db => db.Courses.Single(c => c.Slug == "kept-course").IsPublished));
    }

    [Fact]
    public async Task A_zip_with_problems_or_over_a_course_from_the_content_folder_is_refused_with_the_file_and_line()
    {
        using var app = new TrainingAppFactory();
        using var quizContent = new QuizContent();
        var broken = Path.Combine(Path.GetTempPath(), "training-tests", "broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Path.Combine(quizContent.Folder, QuizContent.Course), broken);
            File.WriteAllText(Path.Combine(broken, "01-basics.md"), "---\ntitle: Basics\nestimatedMinutes: lots\n---\n\nText.\n");
            using (var zip = ZipOf(broken))
            {
                var result = await ImportAsync(app, zip, "broken-course");
                Assert.False(result.Imported);
                Assert.Contains(result.Problems, p => p.File.EndsWith("01-basics.md", StringComparison.Ordinal) && p.Line > 1);
            }
            Assert.False(app.WithDb(db => db.Courses.Any(c => c.Slug == "broken-course")));

            using (var zip = ZipOf(Path.Combine(quizContent.Folder, QuizContent.Course)))
            {
                var result = await ImportAsync(app, zip, "welcome");
                Assert.False(result.Imported);
                Assert.Contains("course-content", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
            }
            Assert.Equal(CourseManagement.Files, app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").ManagedBy));

            using var notZip = new MemoryStream("not a zip"u8.ToArray());
            Assert.False((await ImportAsync(app, notZip, "x")).Imported);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Fact]
    public async Task The_command_line_exports_a_course_to_a_folder_and_a_zip_and_imports_the_zip()
    {
        using var app = new TrainingAppFactory();
        var target = Path.Combine(emptyContent, "export");
        var output = new StringWriter();
        Assert.Equal(0, await CourseArchiveCommand.RunAsync(["content", "export", "welcome", target], app.Services, output, default));
        Assert.True(File.Exists(Path.Combine(target, "welcome", "course.yml")), output.ToString());
        AssertSame(CourseFiles.FromFolder(Path.Combine(RepositoryPaths.Root, "course-content", "welcome"), RepositoryPaths.Root),
            CourseFiles.FromFolder(Path.Combine(target, "welcome"), target));

        var zip = Path.Combine(emptyContent, "welcome-copy.zip");
        Assert.Equal(0, await CourseArchiveCommand.RunAsync(["content", "export", "welcome", zip], app.Services, output, default));
        Assert.Equal(0, await CourseArchiveCommand.RunAsync(["content", "import", zip], app.Services, output, default));
        Assert.Contains("welcome-copy: imported, kept on the site", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(CourseManagement.Site, app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome-copy").ManagedBy));

        Assert.Equal(1, await CourseArchiveCommand.RunAsync(["content", "export", "no-such-course", target], app.Services, output, default));
        Assert.Equal(2, await CourseArchiveCommand.RunAsync(["content", "export"], app.Services, output, default));
    }

    private static async Task<CourseFiles> ExportAsync(TrainingAppFactory app, string slug)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CourseArchive>().ExportAsync(slug, default)
            ?? throw new InvalidOperationException($"{slug}: nothing to export");
    }

    private static async Task<CourseImportResult> ImportAsync(TrainingAppFactory app, Stream zip, string slug)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CourseArchive>().ImportAsync(zip, slug, slug + ".zip", default);
    }

    private static void AssertSame(CourseFiles expected, CourseFiles actual)
    {
        Assert.Equal(expected.Paths, actual.Paths);
        foreach (var path in expected.Paths)
        {
            Assert.True(expected.ReadBytes(path).AsSpan().SequenceEqual(actual.ReadBytes(path)), $"{path} differs");
        }
    }

    private static MemoryStream ZipOf(string folder)
    {
        var zip = new MemoryStream();
        CourseFiles.FromFolder(folder, folder).WriteZip(zip);
        zip.Position = 0;
        return zip;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(emptyContent, recursive: true);
}
