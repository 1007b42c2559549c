using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Infrastructure.Mail;

/// <summary>
/// Delivers one queued message: over SMTP when <c>Smtp:Host</c> is set; otherwise as an .eml file in the
/// pickup folder in <c>Storage:DataFolder</c>, so a newcomer can read their confirmation mail without a
/// mail server. Throws when SMTP fails; the outbox dispatcher retries.
/// </summary>
public sealed class MailKitEmailSender(
    IOptions<SmtpOptions> smtpOptions,
    IOptions<StorageOptions> storageOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<MailKitEmailSender> logger)
{
    public const string PickupFolderName = "mail-pickup";

    public async Task DeliverAsync(OutboxMessage queued, CancellationToken cancellationToken)
    {
        var smtp = smtpOptions.Value;
        var message = new MimeMessage
        {
            MessageId = queued.MessageId,
            Subject = queued.Subject,
            Date = clock.GetUtcNow(),
            Body = new BodyBuilder { HtmlBody = queued.HtmlBody, TextBody = PlainText.FromHtml(queued.HtmlBody) }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(queued.To));

        if (smtp.IsConfigured)
        {
            await SendOverSmtpAsync(smtp, message, cancellationToken);
        }
        else
        {
            await WriteToPickupFolderAsync(message, cancellationToken);
        }
    }

    private async Task SendOverSmtpAsync(SmtpOptions smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent mail \"{Subject}\" over SMTP ({Host}:{Port})", message.Subject, smtp.Host, smtp.Port);
    }

    private async Task WriteToPickupFolderAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(storageOptions.Value.ResolveDataFolder(environment.ContentRootPath), PickupFolderName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
        logger.LogInformation("No SMTP host is configured (Smtp:Host); mail \"{Subject}\" written to {Path}", message.Subject, path);
    }
}
