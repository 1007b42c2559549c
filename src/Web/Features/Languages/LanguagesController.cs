using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Training.Courses.People;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Languages;

/// <summary>
/// The language switcher on every page (a form: it works without script). Remembers the choice in a
/// cookie and, for a signed-in person, in their profile (which mail follows too), then returns to the page.
/// </summary>
[AllowAnonymous]
public sealed class LanguagesController(UserManager<TrainingUser> users, SignInManager<TrainingUser> signIn, TimeProvider clock) : Controller
{
    [HttpPost("/language")]
    public async Task<IActionResult> Choose(string? culture, string? returnUrl)
    {
        var back = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (!Localisation.IsSupported(culture))
        {
            return BadRequest();
        }
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true,
                Secure = Request.IsHttps, SameSite = SameSiteMode.Lax,
            });
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Language != culture)
        {
            user.Language = culture;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return LocalRedirect(back);
    }
}
