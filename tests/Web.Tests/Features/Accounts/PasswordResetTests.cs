using System.Net;
using System.Text.RegularExpressions;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

public sealed partial class PasswordResetTests : IDisposable
{
    private readonly TrainingAppFactory app = new TrainingAppFactory()
        .WithSetting("Site:BaseUrl", "https://training.example.org")
        .WithSetting("Smtp:DispatchIntervalSeconds", "0");

    [Fact]
    public async Task A_reset_mail_links_to_the_configured_address_in_the_persons_language_and_the_link_sets_a_new_password()
    {
        var user = await app.CreateUserAsync("Rosa Reset", Roles.Learner);
        app.WithDb(db =>
        {
            db.Users.Single(u => u.Id == user.Id).Language = "fr";
            return db.SaveChanges();
        });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var asked = await client.PostFormAsync("/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var unknown = await client.PostFormAsync("/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });

        Assert.Equal("/Identity/Account/ForgotPasswordConfirmation", asked.Headers.Location!.OriginalString);
        Assert.Equal(asked.Headers.Location, unknown.Headers.Location); // no hint whether an account exists
        var mail = Assert.Single(app.WithDb(db => db.Set<OutboxMessage>().ToList()));
        Assert.Equal(user.Email, mail.To);
        Assert.Equal("Réinitialisez votre mot de passe", mail.Subject);
        var link = WebUtility.HtmlDecode(ResetLink().Match(mail.HtmlBody).Groups[1].Value);
        Assert.StartsWith("https://training.example.org/Identity/Account/ResetPassword?code=", link);

        var reset = await client.PostFormAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = "a brand new river walk",
            ["Input.ConfirmPassword"] = "a brand new river walk",
            // The page decodes the link's code into a hidden field; a browser posts it back decoded.
            ["Input.Code"] = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(Regex.Match(link, "code=([^&]+)").Groups[1].Value)),
        }, "/Identity/Account/ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var login = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = "a brand new river walk",
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_resent_confirmation_uses_the_configured_address_and_only_unconfirmed_accounts_get_one()
    {
        var confirmed = await app.CreateUserAsync("Cora Confirmed", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var registered = await client.PostFormAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Uma Unconfirmed", ["Input.Email"] = "uma@example.org",
            ["Input.Password"] = "a long walk by the river", ["Input.ConfirmPassword"] = "a long walk by the river",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var resent = await client.PostFormAsync("/Identity/Account/ResendEmailConfirmation", new Dictionary<string, string> { ["Input.Email"] = "uma@example.org" });
        var ignored = await client.PostFormAsync("/Identity/Account/ResendEmailConfirmation", new Dictionary<string, string> { ["Input.Email"] = confirmed.Email! });

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("a new confirmation mail is on its way", await ignored.Content.ReadAsStringAsync());
        var mail = app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == "uma@example.org").ToList());
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m => Assert.Contains("href=\"https://training.example.org/Identity/Account/ConfirmEmail?userId=", m.HtmlBody));
        Assert.Empty(app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == confirmed.Email).ToList()));
    }

    [GeneratedRegex("href=\"([^\"]*ResetPassword[^\"]*)\"")]
    private static partial Regex ResetLink();

    public void Dispose() => app.Dispose();
}
