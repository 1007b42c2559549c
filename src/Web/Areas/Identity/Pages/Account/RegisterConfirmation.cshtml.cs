using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the Identity UI page, which in some setups shows the confirmation link itself. Here the link
/// only ever travels by mail, and the page says the same whether or not the address has an account.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    public string Email { get; private set; } = "";

    public void OnGet(string? email) => Email = email ?? "";
}
