using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

public sealed class RegisterTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public RegisterTests(TrainingAppFactory app) => this.app = app;

    private static Dictionary<string, string> Form(string email, string password, string name = "Nguyễn Thị Hoa") => new()
    {
        ["Input.FullName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Registering_creates_an_unconfirmed_learner_and_writes_the_confirmation_mail_to_the_pickup_folder()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Register", Form(email, "a long walk by the river"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.WithDb(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal("Nguyễn Thị Hoa", user.FullName);
        Assert.False(user.EmailConfirmed);
        var roles = await app.WithDb(db => db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Learner], roles);

        var mail = await app.WaitForPickupMailAsync(email);
        Assert.Contains("Confirm your e-mail address", mail);
        Assert.Contains("/Identity/Account/ConfirmEmail?userId=", mail);
    }

    [Fact]
    public async Task A_common_password_is_refused_with_a_clear_message_and_no_account_is_created()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Register", Form(email, "password123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This password is too common", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_missing_name_is_reported_next_to_the_field()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Register", Form($"{Guid.NewGuid():N}@example.org", "a long walk by the river", name: ""));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your full name.", html);
    }
}
