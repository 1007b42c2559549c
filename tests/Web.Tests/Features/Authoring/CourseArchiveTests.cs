using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Content;
using Training.Web.Features.Accounts;
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

        // Its images are served from the kept files: the empty site has no folder for the course.
        var trainer = await empty.CreateUserAsync("Ida Images", Roles.Trainer);
        var client = await empty.LoggedInClientAsync(trainer.Email!);
        foreach (var image in first.Paths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal) || p.EndsWith(".png", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync($"/courses/{slug}/media/{image}");
            Assert.True(response.IsSuccessStatusCode, $"{image}: {response.StatusCode}");
            var served = await response.Content.ReadAsByteArrayAsync();
            Assert.True(first.ReadBytes(image).SequenceEqual(served), $"{image} differs");
        }
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

    [Fact]
    public async Task In_the_browser_a_trainer_downloads_a_course_as_a_zip_and_an_admin_imports_one_with_problems_shown_and_audited()
    {
        using var app = new TrainingAppFactory();
        var trainer = await app.CreateUserAsync("Tara Trainer", Roles.Trainer);
        var admin = await app.CreateUserAsync("Adam Admin", Roles.Admin);
        var learner = await app.CreateUserAsync("Lea Learner", Roles.Learner);

        var trainerClient = await app.LoggedInClientAsync(trainer.Email!);
        var list = await trainerClient.GetStringAsync("/teach/courses");
        Assert.Contains("href=\"/teach/courses/welcome/export.zip\"", list);
        Assert.DoesNotContain("action=\"/teach/courses/import\"", list); // importing is for admins
        var download = await trainerClient.GetAsync("/teach/courses/welcome/export.zip");
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var zipped = await download.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(zipped))
        {
            AssertSame(CourseFiles.FromFolder(Path.Combine(RepositoryPaths.Root, "course-content", "welcome"), RepositoryPaths.Root),
                CourseFiles.FromZip(stream, "welcome", "welcome.zip"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await trainerClient.GetAsync("/teach/courses/no-such-course/export.zip")).StatusCode);
        AssertRefused(await UploadAsync(trainerClient, zipped, "welcome-copy"));
        var learnerClient = await app.LoggedInClientAsync(learner.Email!);
        AssertRefused(await learnerClient.GetAsync("/teach/courses/welcome/export.zip"));

        var adminClient = await app.LoggedInClientAsync(admin.Email!);
        // A broken module: refused, the problem named with its file and line, the address kept in the form.
        using var broken = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(broken, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var source = new MemoryStream(zipped))
        using (var original = new System.IO.Compression.ZipArchive(source))
        {
            foreach (var entry in original.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName).Open();
                if (entry.FullName.EndsWith("01-how-these-courses-work.md", StringComparison.Ordinal))
                {
                    target.Write("---\ntitle: Broken\nestimatedMinutes: soon\n---\n\nText.\n"u8);
                }
                else
                {
                    using var content = entry.Open();
                    content.CopyTo(target);
                }
            }
        }
        var refused = await UploadAsync(adminClient, broken.ToArray(), "welcome-broken");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("01-how-these-courses-work.md:", page);
        Assert.Contains("value=\"welcome-broken\"", page);
        Assert.False(app.WithDb(db => db.Courses.Any(c => c.Slug == "welcome-broken")));

        var imported = await UploadAsync(adminClient, zipped, "welcome-copy");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(CourseManagement.Site, app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome-copy").ManagedBy));
        var audited = app.WithDb(db => db.AuditEntries.Single(a => a.Action == Training.Courses.Audit.AuditActions.CourseImported));
        Assert.Equal(admin.Id, audited.ActorUserId);
        Assert.Equal("welcome-copy", audited.TargetId);
        Assert.Contains("welcome-copy", await adminClient.GetStringAsync("/teach/courses"));
    }

    /// <summary>Refused for the role: the site sends the browser to its 403 page.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/error/403", StringComparison.Ordinal) == true,
            $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {response.Headers.Location}");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] zip, string slug)
    {
        var page = await client.GetStringAsync("/teach/courses");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormPoster.TokenIn(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "file", slug + ".zip" },
            { new StringContent(slug), "slug" },
        };
        return await client.PostAsync("/teach/courses/import", form);
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
