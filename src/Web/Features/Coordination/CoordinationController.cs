using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Coordination;

[Authorize(Roles = Roles.Coordinator)]
public sealed class CoordinationController(LearnerListQuery learners) : Controller
{
    [HttpGet("/coordinate")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await learners.ListAsync(cancellationToken));
}
