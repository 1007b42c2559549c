using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Training.Web.Features.Privacy;

public sealed record PrivacyNoticeViewModel(int InactiveMonths);

/// <summary>The public privacy notice: what is kept and why, who sees it, for how long, how to download or delete it.</summary>
[AllowAnonymous]
public sealed class PrivacyController(IOptions<PrivacyOptions> options) : Controller
{
    [HttpGet("/privacy")]
    public IActionResult Notice() => View(new PrivacyNoticeViewModel(options.Value.InactiveMonths));
}
