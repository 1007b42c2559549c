using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    /// <summary>Visitors see what the site offers; a signed-in person goes to the page of their main role.</summary>
    [HttpGet("/")]
    public IActionResult Index()
    {
        if (User.IsInRole(Roles.Learner)) return Redirect("~/learn");
        if (User.IsInRole(Roles.Trainer)) return Redirect("~/teach");
        if (User.IsInRole(Roles.Coordinator)) return Redirect("~/coordinate");
        if (User.IsInRole(Roles.Admin)) return Redirect("~/admin/users");
        return View();
    }
}
