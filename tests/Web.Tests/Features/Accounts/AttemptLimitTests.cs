using System.Net;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>
/// The forms that guess or probe accounts answer 429 with Retry-After once a budget is spent: per account
/// named (many passwords against one account) and per address (one password against many accounts), and the
/// refusal reads the same whether or not the account exists.
/// </summary>
public sealed class AttemptLimitTests
{
    private static TrainingAppFactory Site(int perAddress, int perAccount) => new TrainingAppFactory()
        .WithSetting("AttemptLimits:PerAddress", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithSetting("AttemptLimits:PerAccount", perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Many_passwords_against_one_account_are_stopped_by_its_budget_whether_or_not_it_exists()
    {
        using var app = Site(perAddress: 1000, perAccount: 3);
        var person = await app.CreateUserAsync("Pat Person", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var email in new[] { person.Email!, "nobody-here@example.org" })
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await LogInAsync(client, email, "wrong password " + i)).StatusCode);
            }
            var refused = await LogInAsync(client, email, "another guess");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 1, 15 * 60);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Too many attempts.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("password is wrong", page, StringComparison.Ordinal); // nothing said about the account
        }

        // Even the right password waits: the budget counts posts, not failures.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LogInAsync(client, person.Email!, TrainingAppFactory.Password)).StatusCode);
        // Another account from the same address is not held up by that one.
        var other = await app.CreateUserAsync("Other Person", Roles.Learner);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(client, other.Email!, TrainingAppFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task One_password_tried_against_many_accounts_is_stopped_by_the_address_budget_on_every_account_form()
    {
        using var app = Site(perAddress: 4, perAccount: 1000);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await LogInAsync(client, $"person{i}@example.org", "Summer2026!")).StatusCode);
        }
        var refused = await LogInAsync(client, "person99@example.org", "Summer2026!");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));

        // Each form has its budget: registration, password reset, resend confirmation, invitations.
        foreach (var (page, fields) in new (string, Dictionary<string, string>)[]
        {
            ("/Identity/Account/Register", new() { ["Input.FullName"] = "Reg Ister", ["Input.Email"] = "reg@example.org", ["Input.Password"] = "a long enough passphrase 1", ["Input.ConfirmPassword"] = "a long enough passphrase 1" }),
            ("/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "reset@example.org" }),
            ("/Identity/Account/ResendEmailConfirmation", new() { ["Input.Email"] = "resend@example.org" }),
        })
        {
            HttpResponseMessage last = null!;
            for (var i = 0; i < 5; i++)
            {
                last = await client.PostFormAsync(page, fields);
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
            Assert.True(last.Headers.Contains("Retry-After"), page);
        }
        HttpResponseMessage invitation = null!;
        var token = FormPoster.TokenIn(await client.GetStringAsync("/Identity/Account/Login"));
        for (var i = 0; i < 5; i++)
        {
            invitation = await client.PostAsync("/invitations/made-up-token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Password"] = "a long enough passphrase 1", ["ConfirmPassword"] = "a long enough passphrase 1",
            }));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, invitation.StatusCode);
        Assert.True(invitation.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task The_verification_page_says_when_to_come_back()
    {
        using var app = new TrainingAppFactory();
        var client = app.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 21; i++)
        {
            last = await client.GetAsync("/verify/NOTACODE");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
