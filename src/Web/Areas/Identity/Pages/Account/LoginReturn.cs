using Microsoft.AspNetCore.Mvc;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>Where a log-in may send the person afterwards: a local address, or the home page.</summary>
public static class LoginReturn
{
    public static string Safe(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : url.Content("~/");
}
