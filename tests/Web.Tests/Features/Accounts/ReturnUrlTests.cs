using System.Net;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>After log-in, log-out or a language change the site goes back only to its own pages.</summary>
public sealed class ReturnUrlTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    public static TheoryData<string> Foreign => ["https://evil.example/", "//evil.example/", "/\\evil.example/", "http:evil.example", "javascript:alert(1)"];

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Log_in_with_a_foreign_return_address_lands_on_the_site(string returnUrl)
    {
        var person = await app.CreateUserAsync("Rita Return", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = $"/Identity/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}";

        var response = await client.PostFormAsync(login, new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!,
            ["Input.Password"] = TrainingAppFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Log_in_with_a_local_return_address_goes_there()
    {
        var person = await app.CreateUserAsync("Lars Local", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Login?returnUrl=%2Fcourses%2Fwelcome", new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!,
            ["Input.Password"] = TrainingAppFactory.Password,
        });

        Assert.Equal("/courses/welcome", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task A_language_change_with_a_foreign_return_address_lands_on_the_site(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/courses", new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = returnUrl }, "/language");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
