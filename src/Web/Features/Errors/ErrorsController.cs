using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Training.Web.Features.Errors;

/// <summary>
/// Error pages that tell a person what to do next. Reached by re-execution (status codes, exceptions)
/// or by redirect (access denied), with any HTTP method, so no verb attribute and no anti-forgery check.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show(int code)
    {
        var status = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = status;
        return View(new ErrorViewModel(status));
    }
}
