using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Teaching;

[Authorize(Roles = Roles.Trainer)]
public sealed class TeachingController : Controller
{
    [HttpGet("/teach")]
    public IActionResult Index() => View();
}
