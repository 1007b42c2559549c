using Training.Courses.People;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.People;

/// <summary>
/// The invitation mail from <c>MailTemplates/invitation.&lt;language&gt;.md</c>, in the person's language, with
/// the link from Site:BaseUrl, added to the outbox in the caller's unit of work (saved with the import or resend).
/// </summary>
public sealed class InvitationMail(MailTemplates templates, OutboxEmailSender outbox, SiteUrls urls) : IInvitationMail
{
    public const string Template = "invitation";

    private IReadOnlyCollection<string>? languages;

    public IReadOnlyCollection<string> Languages => languages ??= templates.LanguagesOf(Template);

    public static string LinkPath(string token) => "/invitations/" + token;

    public void Queue(TrainingUser person, string token, DateTime expiresAt)
    {
        var mail = templates.Render(Template, person.Language, new Dictionary<string, object>
        {
            ["Name"] = person.FullName,
            ["ActionLink"] = urls.Absolute(LinkPath(token)),
            ["ExpiresOn"] = expiresAt,
        });
        outbox.Enqueue(person.Email!, mail.Subject, mail.HtmlBody);
    }
}
