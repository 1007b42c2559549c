using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Courses.People;
using Training.Web.Infrastructure.Mail;

namespace Training.Web.Features.People;

/// <summary>
/// The link in an invitation mail: choose a password once. An expired, replaced or used link says so and
/// offers a new one, answering the same whether or not the address has an account.
/// </summary>
[AllowAnonymous]
public sealed class InvitationLinksController(InvitationService invitations, OutboxSignal outbox, Accounts.AttemptLimiter attempts, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string AcceptView = "/Features/People/Accept.cshtml";
    private const string NotValidView = "/Features/People/LinkNotValid.cshtml";

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Repeat the password")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class RenewForm
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";
    }

    [HttpGet("/invitations/{token}")]
    public async Task<IActionResult> Open(string token, CancellationToken cancellationToken)
    {
        var (status, _) = await invitations.FindAsync(token, cancellationToken);
        return status == InvitationStatus.Valid
            ? View(AcceptView, new PasswordForm())
            : View(NotValidView, new InvitationLinkViewModel(token, status, null, null));
    }

    [HttpPost("/invitations/{token}")]
    public async Task<IActionResult> Accept(string token, PasswordForm form, CancellationToken cancellationToken)
    {
        if (attempts.Refuse("invitation", HttpContext, token) is { } wait)
        {
            Accounts.AttemptLimiter.MarkRefused(Response, wait);
            ModelState.AddModelError(string.Empty, localizer["Too many attempts. For your safety, wait {0} minutes and try again.", Accounts.AttemptLimiter.Minutes(wait)]);
            return View(AcceptView, form);
        }
        if (!ModelState.IsValid)
        {
            var (current, _) = await invitations.FindAsync(token, cancellationToken);
            return current == InvitationStatus.Valid ? View(AcceptView, form) : View(NotValidView, new InvitationLinkViewModel(token, current, null, null));
        }
        var (status, result) = await invitations.AcceptAsync(token, form.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (status != InvitationStatus.Valid)
        {
            return View(NotValidView, new InvitationLinkViewModel(token, status, null, null));
        }
        if (result is { Succeeded: false })
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(PasswordForm.Password), error.Description);
            }
            return View(AcceptView, form);
        }
        return RedirectToAction(nameof(Saved));
    }

    [HttpGet("/invitations/accepted")]
    public IActionResult Saved() => View("/Features/People/Accepted.cshtml");

    [HttpPost("/invitations/renew")]
    public async Task<IActionResult> Renew(RenewForm form, CancellationToken cancellationToken)
    {
        if (attempts.Refuse("invitation-renewal", HttpContext, form.Email) is { } wait)
        {
            Accounts.AttemptLimiter.MarkRefused(Response, wait);
            return View(NotValidView, new InvitationLinkViewModel("", InvitationStatus.Unknown, form.Email,
                localizer["Too many attempts. For your safety, wait {0} minutes and try again.", Accounts.AttemptLimiter.Minutes(wait)]));
        }
        if (!ModelState.IsValid)
        {
            return View(NotValidView, new InvitationLinkViewModel("", InvitationStatus.Unknown, form.Email, null));
        }
        await invitations.RenewAsync(form.Email, Actor.Anonymous(HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        outbox.Wake();
        return View(NotValidView, new InvitationLinkViewModel("", InvitationStatus.Unknown, form.Email,
            localizer["If this address belongs to someone invited who has not yet chosen a password, a new link is on its way."]));
    }
}
