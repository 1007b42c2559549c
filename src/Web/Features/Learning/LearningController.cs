using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Training.Assessment.Certificates;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Learning;

[Authorize(Roles = Roles.Learner)]
public sealed class LearningController(UserManager<TrainingUser> userManager, LearnerDashboard dashboard, CertificateService certificates) : Controller
{
    [HttpGet("/learn")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var home = await dashboard.GetAsync(userId, LearnerLanguage.Current, cancellationToken);
        return View(new LearnerHomeViewModel(user?.FullName ?? User.Identity?.Name ?? "", home, await certificates.ForLearnerAsync(userId, cancellationToken)));
    }
}
