using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Training.Courses.Content;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Teaching;

[Authorize(Roles = Roles.Trainer)]
public sealed class TeachingController(ContentImportState importState) : Controller
{
    /// <summary>Shows trainers what the last import of course-content/ found wrong.</summary>
    [HttpGet("/teach")]
    public IActionResult Index() => View(importState.Problems);
}
