using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Courses.Content;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Authoring;

public sealed record CoursesViewModel(IReadOnlyList<ArchivedCourse> Courses, bool MayImport, string? Slug = null, IReadOnlyList<ContentProblem>? Problems = null, string? Error = null)
{
    /// <summary>The courses the person may author (edit links).</summary>
    public IReadOnlySet<string> Authored { get; init; } = new HashSet<string>();
}

/// <summary>
/// Courses in the folder format (trainers download any course as a zip; admins import a zip as a course the site
/// keeps) and, in AuthoringController.Editing.cs, authoring them in the browser.
/// </summary>
[Authorize(Roles = Roles.Trainer + "," + Roles.Admin)]
public sealed partial class AuthoringController(
    CourseArchive archive, CourseAuthoring authoring, CurrentActor currentActor, LocalTime time, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>Large enough for a course with its images; a bigger upload is refused before it is read.</summary>
    private const long MaxZipBytes = 50 * 1024 * 1024;

    [HttpGet("/teach/courses")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CoursesViewModel(await archive.ListAsync(cancellationToken), User.IsInRole(Roles.Admin)) { Authored = await AuthoredAsync(cancellationToken) });

    [HttpGet("/teach/courses/{slug}/export.zip")]
    public async Task<IActionResult> Export(string slug, CancellationToken cancellationToken)
    {
        var files = await archive.ExportAsync(slug, cancellationToken);
        if (files is null)
        {
            return NotFound();
        }
        var zip = new MemoryStream();
        files.WriteZip(zip);
        zip.Position = 0;
        return File(zip, "application/zip", $"{slug}.zip");
    }

    [HttpPost("/teach/courses/import")]
    [Authorize(Roles = Roles.Admin)]
    [RequestSizeLimit(MaxZipBytes)]
    public async Task<IActionResult> Import(IFormFile? file, string? slug, CancellationToken cancellationToken)
    {
        slug = slug?.Trim().ToLowerInvariant();
        if (file is null || file.Length == 0 || string.IsNullOrEmpty(slug))
        {
            return await FormAgainAsync(slug, null, localizer["Choose a zip file and give the course an address."], cancellationToken);
        }
        await using var stream = file.OpenReadStream();
        var result = await archive.ImportAsync(await currentActor.GetAsync(cancellationToken), stream, slug, Path.GetFileName(file.FileName), cancellationToken);
        if (!result.Imported)
        {
            return await FormAgainAsync(slug, result.Problems, localizer["The course was not imported. Fix these problems in the files and try again:"], cancellationToken);
        }
        TempData["Status"] = localizer["The course {0} is imported and kept on the site.", slug].Value;
        return Redirect("/teach/courses");
    }

    private async Task<IActionResult> FormAgainAsync(string? slug, IReadOnlyList<ContentProblem>? problems, string error, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new CoursesViewModel(await archive.ListAsync(cancellationToken), true, slug, problems, error) { Authored = await AuthoredAsync(cancellationToken) });
    }

    private async Task<IReadOnlySet<string>> AuthoredAsync(CancellationToken cancellationToken) =>
        (await authoring.ListAsync(await currentActor.GetAsync(cancellationToken), cancellationToken)).Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
}
