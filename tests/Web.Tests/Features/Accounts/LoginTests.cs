using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

public sealed class LoginTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public LoginTests(TrainingAppFactory app) => this.app = app;

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var learner = await app.CreateUserAsync("Lina Lockout", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, "not the password " + attempt));
        }
        var withRightPassword = await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, TrainingAppFactory.Password));

        Assert.Equal(HttpStatusCode.Redirect, withRightPassword.StatusCode);
        Assert.Equal("/Identity/Account/Lockout", withRightPassword.Headers.Location?.OriginalString);
        var lockoutEnd = await app.WithDb(db => db.Users.Where(u => u.Id == learner.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_counts_one_failure()
    {
        var learner = await app.CreateUserAsync("Omar Once", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, "wrong wrong wrong"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail address or password is wrong", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDb(db => db.Users.Where(u => u.Id == learner.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task An_unconfirmed_account_cannot_log_in()
    {
        var learner = await app.CreateUserAsync("Una Confirmed", Roles.Learner);
        await app.WithDb(db => db.Users.Where(u => u.Id == learner.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Login", Credentials(learner.Email!, TrainingAppFactory.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not confirmed yet", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_log_in_post_without_the_anti_forgery_token_is_refused()
    {
        var learner = await app.CreateUserAsync("Tomas Token", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/Identity/Account/Login",
            new FormUrlEncodedContent(Credentials(learner.Email!, TrainingAppFactory.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
