using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Errors;

public sealed class ErrorPageTests : IClassFixture<ErrorPageTests.FactoryWithFaultyPage>
{
    /// <summary>The real site plus one action that throws, to see what a visitor gets from a server error.</summary>
    public sealed class FactoryWithFaultyPage : TrainingAppFactory
    {
        public FactoryWithFaultyPage() : base(null, "Production") => WithSetting("Site:BaseUrl", "https://training.example.org");

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddControllers().AddApplicationPart(typeof(FaultyController).Assembly));
        }
    }

    private readonly FactoryWithFaultyPage app;

    public ErrorPageTests(FactoryWithFaultyPage app) => this.app = app;

    [Fact]
    public async Task A_server_error_shows_what_to_do_next_and_no_stack_trace_or_secret()
    {
        var response = await app.CreateClient().GetAsync("/test/faulty");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html);
        Assert.Contains("Go to the home page", html);
        Assert.DoesNotContain("hunter2", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("FaultyController", html);
    }

    [Fact]
    public async Task An_unknown_address_gets_a_404_page_with_a_way_on()
    {
        var response = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/no/such/page");
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html);
        Assert.Contains("<a class=\"btn btn-primary\" href=\"/\">Go to the home page</a>", html);
    }

    [Fact]
    public async Task A_page_the_role_may_not_open_gets_a_403_page()
    {
        var learner = await app.CreateUserAsync("Fatima Forbidden", Roles.Learner);
        var client = await app.LoggedInClientAsync(learner.Email!);
        client.DefaultRequestHeaders.Clear();

        var response = await client.GetAsync("/error/403");
        var redirected = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", await response.Content.ReadAsStringAsync());
        Assert.Contains("/error/403", redirected.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_allowing_only_the_site_itself()
    {
        var response = await app.CreateClient().GetAsync("/");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}

// A top-level public type: MVC does not discover nested classes as controllers.
[AllowAnonymous]
public sealed class FaultyController : Controller
{
    [HttpGet("/test/faulty")]
    public IActionResult Fail() => throw new InvalidOperationException($"Secret connection string: Server=db;Password=hunter2 at {HttpContext.Request.Path}");
}
