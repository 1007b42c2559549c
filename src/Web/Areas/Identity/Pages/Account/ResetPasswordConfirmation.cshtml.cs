using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the Identity UI page so its text is localised.</summary>
[AllowAnonymous]
public sealed class ResetPasswordConfirmationModel : PageModel
{
}
