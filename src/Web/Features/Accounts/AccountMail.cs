using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.WebUtilities;
using Training.Courses.People;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Accounts;

/// <summary>
/// The account mails (confirm your address, reset your password, confirm a new address) from their templates, in the person's
/// language, with links from Site:BaseUrl. They are queued in the outbox, inside the caller's transaction.
/// </summary>
public sealed class AccountMail(UserManager<TrainingUser> users, IEmailSender outbox, MailTemplates templates, SiteUrls urls)
{
    public async Task QueueConfirmationAsync(TrainingUser user, string? returnUrl)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.Absolute(QueryHelpers.AddQueryString("/Identity/Account/ConfirmEmail", new Dictionary<string, string?>
        {
            ["userId"] = user.Id, ["code"] = code, ["returnUrl"] = returnUrl,
        }));
        await QueueAsync(user, "account-confirmation", link);
    }

    public async Task QueuePasswordResetAsync(TrainingUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await QueueAsync(user, "password-reset", urls.Absolute(QueryHelpers.AddQueryString("/Identity/Account/ResetPassword", "code", code)));
    }

    /// <summary>The link that changes the address goes to the new address: opening it proves the person holds it.</summary>
    public async Task QueueEmailChangeAsync(TrainingUser user, string newEmail)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = urls.Absolute(QueryHelpers.AddQueryString("/Identity/Account/ConfirmEmailChange", new Dictionary<string, string?>
        {
            ["userId"] = user.Id, ["email"] = newEmail, ["code"] = code,
        }));
        await QueueAsync(user, "email-change", link, to: newEmail);
    }

    private async Task QueueAsync(TrainingUser user, string template, string link, string? to = null)
    {
        var mail = templates.Render(template, user.Language, new Dictionary<string, object> { ["Name"] = user.FullName, ["ActionLink"] = link });
        await outbox.SendEmailAsync(to ?? user.Email!, mail.Subject, mail.HtmlBody);
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
