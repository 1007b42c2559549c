using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Training.Courses.People;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Learning;

[Authorize(Roles = Roles.Learner)]
public sealed class LearningController(UserManager<TrainingUser> userManager) : Controller
{
    [HttpGet("/learn")]
    public async Task<IActionResult> Index()
    {
        var user = await userManager.GetUserAsync(User);
        return View(new LearnerHomeViewModel(user?.FullName ?? User.Identity?.Name ?? ""));
    }
}
