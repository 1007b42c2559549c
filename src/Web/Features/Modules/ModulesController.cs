using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Localization;
using Training.Courses.Catalog;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Content;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Modules;

/// <summary>Reading a module, printing it, marking it complete, and the course's images.</summary>
[Route("courses/{course}")]
public sealed class ModulesController(ModuleQuery modules, ProgressService progress, IStringLocalizer<SharedResource> localizer) : Controller
{
    internal static readonly FileExtensionContentTypeProvider ContentTypes = new();
    internal static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp" };

    [HttpGet("modules/{module}")]
    public Task<IActionResult> Read(string course, string module, CancellationToken cancellationToken) =>
        ShowAsync(course, module, "Read", cancellationToken);

    [HttpGet("modules/{module}/print")]
    public Task<IActionResult> Print(string course, string module, CancellationToken cancellationToken) =>
        ShowAsync(course, module, "Print", cancellationToken);

    [HttpPost("modules/{module}/complete")]
    [Authorize(Roles = Roles.Learner)]
    public async Task<IActionResult> Complete(string course, string module, CancellationToken cancellationToken)
    {
        var outcome = await progress.MarkCompleteAsync(UserId, course, module, cancellationToken);
        switch (outcome)
        {
            case CompletionOutcome.NoSuchModule:
                return NotFound();
            case CompletionOutcome.NotEnrolled:
                TempData["Status"] = localizer["Enrol in the course to record your progress."].Value;
                return RedirectToAction("Course", "Catalog", new { slug = course });
        }
        var page = await modules.GetAsync(course, module, UserId, LearnerLanguage.Current, cancellationToken);
        if (page?.Next is { } next)
        {
            TempData["Status"] = localizer["Module completed. Here is the next one."].Value;
            return RedirectToAction(nameof(Read), new { course, module = next.Slug });
        }
        TempData["Status"] = localizer["Module completed."].Value;
        return RedirectToAction("Course", "Catalog", new { slug = course });
    }

    /// <summary>
    /// Images a module shows, from the course's files as the site imported them (folder or zip alike): the
    /// same files the module was checked against; never anything else.
    /// </summary>
    [HttpGet("media/{**path}")]
    [ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Client)]
    public async Task<IActionResult> Media(string course, string path, CancellationToken cancellationToken)
    {
        if (!MediaExtensions.Contains(Path.GetExtension(path)) || await modules.MediaAsync(course, path, cancellationToken) is not { } content)
        {
            return NotFound();
        }
        // An SVG opened on its own could run script on the site's origin: sandbox it.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        ContentTypes.TryGetContentType(path, out var contentType);
        return File(content, contentType ?? "application/octet-stream");
    }

    private async Task<IActionResult> ShowAsync(string course, string module, string view, CancellationToken cancellationToken)
    {
        var page = await modules.GetAsync(course, module, UserId, LearnerLanguage.Current, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        // Learners read what they are enrolled in; trainers, coordinators and admins may preview.
        var mayPreview = User.IsInRole(Roles.Trainer) || User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
        if (!page.IsEnrolled && !mayPreview)
        {
            TempData["Status"] = localizer["Enrol in the course to read its modules."].Value;
            return RedirectToAction("Course", "Catalog", new { slug = course });
        }
        if (page.Visit is { } visit)
        {
            await progress.RecordVisitAsync(UserId, visit, cancellationToken);
        }
        return View(view, page);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
