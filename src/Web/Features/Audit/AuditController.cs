using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Audit;

/// <summary>Admins read the audit log. Nothing here (or anywhere in the site) changes an entry.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("/admin/audit")]
public sealed class AuditController(AuditQuery auditQuery, IStringLocalizer<SharedResource> localizer) : Controller
{
    // A GET form, so a filtered view can be bookmarked or sent to a colleague. The action filter is called
    // "activity" because MVC keeps "action" for its own route value.
    [HttpGet("")]
    public async Task<IActionResult> Index(string? person, string? activity, DateOnly? from, DateOnly? to, int page, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(person?.Trim(), activity, from, to);
        var results = await auditQuery.SearchAsync(filter, page, cancellationToken);
        var datesInvalid = ModelState.GetFieldValidationState(nameof(from)) == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState(nameof(to)) == ModelValidationState.Invalid;
        return View(new AuditLogViewModel(filter, results, AuditActionNames.In(localizer), datesInvalid));
    }
}
