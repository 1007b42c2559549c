using System.Globalization;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Mail;

public sealed class OutboxTests : IClassFixture<SmtpServer>
{
    private readonly SmtpServer smtp;

    public OutboxTests(SmtpServer smtp) => this.smtp = smtp;

    private static TrainingAppFactory WithSmtp(TrainingAppFactory app, int port) => app
        .WithSetting("Smtp:Host", "127.0.0.1")
        .WithSetting("Smtp:Port", port.ToString(CultureInfo.InvariantCulture))
        .WithSetting("Smtp:From", "Training <training@example.org>");

    [Fact]
    public async Task A_queued_mail_is_sent_over_smtp_with_its_stable_message_id_and_a_plain_text_part()
    {
        using var app = WithSmtp(new TrainingAppFactory(), smtp.Port);
        var to = $"{Guid.NewGuid():N}@example.org";

        await QueueAsync(app, to, "Xin chào – مرحبا", "<p>Hello <a href=\"https://example.org/x\">there</a></p>");

        var message = await smtp.WaitForMessageAsync(to);
        var messageId = app.WithDb(db => db.Set<OutboxMessage>().Single(m => m.To == to).MessageId);
        Assert.Contains($"Message-Id: <{messageId}>", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("From: Training <training@example.org>", message);
        Assert.Contains("text/plain", message);
        Assert.Contains("there (https://example.org/x)", message);
        Assert.NotNull(app.WithDb(db => db.Set<OutboxMessage>().Single(m => m.To == to).SentAt));
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_to_the_pickup_folder()
    {
        using var app = new TrainingAppFactory();
        var to = $"{Guid.NewGuid():N}@example.org";

        await QueueAsync(app, to, "Confirm", "<p>Open the link</p>");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(app.PickupFolder) && Directory.GetFiles(app.PickupFolder, "*.eml").Length > 0))
        {
            await Task.Delay(100);
        }
        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(app.PickupFolder, "*.eml")));
        Assert.Contains($"To: {to}", text);
        Assert.Contains("<p>Open the link</p>", text);
    }

    [Fact]
    public async Task An_smtp_outage_delays_mail_and_every_message_arrives_exactly_once_after_it()
    {
        var port = SmtpServer.FreePort();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var app = WithSmtp(new TrainingAppFactory(), port).WithSetting("Smtp:DispatchIntervalSeconds", "0").WithClock(clock);
        var recipients = Enumerable.Range(0, 3).Select(_ => $"{Guid.NewGuid():N}@example.org").ToList();
        foreach (var to in recipients)
        {
            await QueueAsync(app, to, "Reminder", "<p>Your course</p>");
        }

        Assert.Equal(0, await DispatchAsync(app)); // nobody listens on the port
        var failed = app.WithDb(db => db.Set<OutboxMessage>().Where(m => recipients.Contains(m.To)).ToList());
        Assert.All(failed, m => Assert.Equal(1, m.AttemptCount));
        Assert.All(failed, m => Assert.NotNull(m.LastError));
        Assert.Equal(3, app.WithDb(db => db.Set<OutboxAttempt>().Count(a => !a.Succeeded)));

        await using var back = SmtpServer.On(port);
        await back.InitializeAsync();
        Assert.Equal(0, await DispatchAsync(app)); // the retry is not due yet
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, await DispatchAsync(app));
        Assert.Equal(0, await DispatchAsync(app)); // a second run sends nothing new
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await DispatchAsync(app));

        foreach (var to in recipients)
        {
            await back.WaitForMessageAsync(to);
            Assert.Single(back.Messages(), m => m.Contains(to, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_mail_queued_just_before_the_site_stops_is_sent_once_after_it_starts_again()
    {
        var to = $"{Guid.NewGuid():N}@example.org";
        string dataFolder;
        using (var stopped = WithSmtp(new TrainingAppFactory(), smtp.Port).WithSetting("Smtp:DispatchIntervalSeconds", "0"))
        {
            await QueueAsync(stopped, to, "Confirm your e-mail address", "<p>Link</p>");
            dataFolder = stopped.DataFolder;
        }
        Assert.DoesNotContain(smtp.Messages(), m => m.Contains(to, StringComparison.Ordinal));

        using var restarted = WithSmtp(TrainingAppFactory.Over(dataFolder), smtp.Port).WithSetting("Smtp:DispatchIntervalSeconds", "1");
        _ = restarted.Services;

        await smtp.WaitForMessageAsync(to);
        await OutboxRounds.WaitAsync(Path.Combine(dataFolder, "training.db")); // more rounds of the dispatcher after the delivery
        Assert.Single(smtp.Messages(), m => m.Contains(to, StringComparison.Ordinal));
    }

    [Fact]
    public void Retries_wait_longer_each_time_up_to_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxDispatcher.RetryDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(120), OutboxDispatcher.RetryDelay(3));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.RetryDelay(20));
    }

    private static async Task QueueAsync(TrainingAppFactory app, string to, string subject, string html)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendEmailAsync(to, subject, html);
    }

    private static async Task<int> DispatchAsync(TrainingAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(default);
    }
}
