using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using MimeKit;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Infrastructure.Mail;

/// <summary>
/// Sends over SMTP when <c>Smtp:Host</c> is set; otherwise writes an .eml file to the pickup folder
/// in <c>Storage:DataFolder</c>, so a newcomer can read their confirmation mail without a mail server.
/// </summary>
public sealed class MailKitEmailSender(
    IOptions<SmtpOptions> smtpOptions,
    IOptions<StorageOptions> storageOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public const string PickupFolderName = "mail-pickup";

    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var smtp = smtpOptions.Value;
        var message = new MimeMessage
        {
            Subject = subject,
            Date = clock.GetUtcNow(),
            Body = new BodyBuilder { HtmlBody = htmlMessage }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(email));

        if (smtp.IsConfigured)
        {
            await SendOverSmtpAsync(smtp, message);
        }
        else
        {
            await WriteToPickupFolderAsync(message);
        }
    }

    private async Task SendOverSmtpAsync(SmtpOptions smtp, MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "");
        }
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        logger.LogInformation("Sent mail \"{Subject}\" over SMTP ({Host}:{Port})", message.Subject, smtp.Host, smtp.Port);
    }

    private async Task WriteToPickupFolderAsync(MimeMessage message)
    {
        var folder = Path.Combine(storageOptions.Value.ResolveDataFolder(environment.ContentRootPath), PickupFolderName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path);
        logger.LogInformation("No SMTP host is configured (Smtp:Host); mail \"{Subject}\" written to {Path}", message.Subject, path);
    }
}
