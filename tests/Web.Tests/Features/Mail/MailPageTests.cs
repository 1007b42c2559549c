using System.Net;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.DependencyInjection;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Mail;

public sealed class MailPageTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    [Fact]
    public async Task Admins_see_the_outbox_and_the_schedules_and_others_may_not()
    {
        var to = $"{Guid.NewGuid():N}@example.org";
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendEmailAsync(to, "Outbox subject", "<p>Hi</p>");
        }
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        var coordinator = await app.LoggedInClientAsync((await app.CreateUserAsync("Col Coordinator", Roles.Coordinator)).Email!);

        var page = await admin.GetStringAsync("/admin/mail");
        var refused = await coordinator.GetAsync("/admin/mail");

        Assert.Contains(to, page);
        Assert.Contains("Outbox subject", page);
        Assert.Matches("<td>mail-outbox</td>\\s*<td><code>every 5 s</code></td>", page);
        Assert.Matches("<td>reminders-inactivity</td>\\s*<td><code>0 10 \\* \\* \\* \\?</code></td>", page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
