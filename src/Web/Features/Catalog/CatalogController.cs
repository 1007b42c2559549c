using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Courses.Catalog;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Catalog;

/// <summary>
/// The catalog, a course's page and its glossary, open to visitors so they can see what is offered before
/// making an account; learners enrol and leave here. Modules, quizzes and everything personal need an account.
/// </summary>
[Route("courses")]
public sealed class CatalogController(CatalogQuery catalog, EnrolmentService enrolment, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(string? q, string? topic, string? language, CancellationToken cancellationToken) =>
        View(await catalog.ListAsync(new CatalogFilter(q, topic, language), LearnerLanguage.Current, cancellationToken));

    [HttpGet("{slug}")]
    [AllowAnonymous]
    public async Task<IActionResult> Course(string slug, CancellationToken cancellationToken)
    {
        var page = await catalog.GetCourseAsync(slug, User.FindFirstValue(ClaimTypes.NameIdentifier), LearnerLanguage.Current, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{slug}/glossary")]
    [AllowAnonymous]
    public async Task<IActionResult> Glossary(string slug, CancellationToken cancellationToken)
    {
        var page = await catalog.GetGlossaryAsync(slug, LearnerLanguage.Current, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{slug}/enrol")]
    [Authorize(Roles = Roles.Learner)]
    public async Task<IActionResult> Enrol(string slug, CancellationToken cancellationToken)
    {
        var outcome = await enrolment.EnrolAsync(UserId, slug, cancellationToken);
        if (outcome == EnrolmentOutcome.NoSuchCourse)
        {
            return NotFound();
        }
        TempData["Status"] = localizer["You are enrolled. Start with the first module below."].Value;
        return RedirectToAction(nameof(Course), new { slug });
    }

    [HttpPost("{slug}/leave")]
    [Authorize(Roles = Roles.Learner)]
    public async Task<IActionResult> Leave(string slug, CancellationToken cancellationToken)
    {
        TempData["Status"] = await enrolment.LeaveAsync(UserId, slug, cancellationToken) == EnrolmentOutcome.Assigned
            ? localizer["This course is assigned to you by your organisation, so it cannot be left. Your coordinator can exempt you."].Value
            : localizer["You have left the course. Your completed modules are kept if you enrol again."].Value;
        return RedirectToAction(nameof(Course), new { slug });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
