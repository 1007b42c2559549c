using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.DependencyInjection;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Mail;

public sealed class MailKitEmailSenderTests : IClassFixture<SmtpServer>
{
    private readonly SmtpServer smtp;

    public MailKitEmailSenderTests(SmtpServer smtp) => this.smtp = smtp;

    [Fact]
    public async Task With_an_smtp_host_mail_is_delivered_to_the_server()
    {
        using var app = new TrainingAppFactory()
            .WithSetting("Smtp:Host", "127.0.0.1")
            .WithSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Smtp:From", "Training <training@example.org>");
        var to = $"{Guid.NewGuid():N}@example.org";

        await app.Services.GetRequiredService<IEmailSender>().SendEmailAsync(to, "Xin chào – مرحبا", "<p>Hello <b>there</b></p>");

        var message = await smtp.WaitForMessageAsync(to);
        Assert.Contains("From: Training <training@example.org>", message);
        Assert.Contains("<p>Hello <b>there</b></p>", message);
        Assert.False(Directory.Exists(app.PickupFolder));
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_to_the_pickup_folder()
    {
        using var app = new TrainingAppFactory();
        var to = $"{Guid.NewGuid():N}@example.org";

        await app.Services.GetRequiredService<IEmailSender>().SendEmailAsync(to, "Confirm", "<p>Open the link</p>");

        var file = Assert.Single(Directory.GetFiles(app.PickupFolder, "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains($"To: {to}", text);
        Assert.Contains("<p>Open the link</p>", text);
        Assert.DoesNotContain(to, smtp.Messages().SelectMany(m => new[] { m }).FirstOrDefault() ?? "");
    }
}
