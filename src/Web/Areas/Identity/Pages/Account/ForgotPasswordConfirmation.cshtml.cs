using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the Identity UI page so its text is localised. It says the same whether or not the address has an account.</summary>
[AllowAnonymous]
public sealed class ForgotPasswordConfirmationModel : PageModel
{
}
