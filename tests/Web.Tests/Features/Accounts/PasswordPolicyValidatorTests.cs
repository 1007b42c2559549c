using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Training.Courses.People;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>The whole Identity password pipeline (built-in rules plus ours), as registration uses it.</summary>
public sealed class PasswordPolicyValidatorTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public PasswordPolicyValidatorTests(TrainingAppFactory app) => this.app = app;

    private async Task<IdentityResult> ValidateAsync(string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var user = new TrainingUser { UserName = "amina@example.org", Email = "amina@example.org" };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    [Theory]
    [InlineData("eightchr")]                 // 8 lower-case letters: no composition rules
    [InlineData("river tea lantern window")] // a passphrase with spaces
    [InlineData("ناصر يحب القهوة")]           // any script
    public async Task Accepts_passwords_of_eight_characters_or_more_without_composition_rules(string password)
    {
        Assert.True((await ValidateAsync(password)).Succeeded);
    }

    [Fact]
    public async Task Accepts_64_characters_and_refuses_65()
    {
        Assert.True((await ValidateAsync(new string('k', 30) + " " + new string('m', 33))).Succeeded);

        var tooLong = await ValidateAsync(new string('k', 30) + " " + new string('m', 34));
        Assert.Contains(tooLong.Errors, e => e.Code == "PasswordTooLong");
    }

    [Fact]
    public async Task Refuses_seven_characters()
    {
        var result = await ValidateAsync("sevench");
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("Password123")]
    [InlineData("qwertyuiop")]
    [InlineData("12345678")]
    public async Task Refuses_common_passwords_whatever_their_case(string password)
    {
        var result = await ValidateAsync(password);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooCommon");
    }

    [Fact]
    public async Task Refuses_the_account_e_mail_address_as_password()
    {
        var result = await ValidateAsync("Amina@example.org");
        Assert.Contains(result.Errors, e => e.Code == "PasswordIsAccountName");
    }
}
