using System.Net;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Site;

/// <summary>
/// Every kind of response carries the site's headers: the content security policy without inline script or
/// style (or a stricter one of its own), nosniff, no framing, same-origin referrers; HSTS on HTTPS; and the
/// log-in and anti-forgery cookies are HttpOnly, SameSite and, over HTTPS, Secure.
/// </summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly TrainingAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_page_type_carries_the_policy_and_the_protective_headers()
    {
        var learner = await app.CreateUserAsync("Lea Learner", Roles.Learner);
        await app.CompleteWelcomeAsync(learner.Id);
        var code = app.WithDb(db => db.Certificates.Where(c => c.UserId == learner.Id).Select(c => c.Code).Single());
        var coordinator = await app.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var admin = await app.CreateUserAsync("Ada Admin", Roles.Admin);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var asLearner = await app.LoggedInClientAsync(learner.Email!);
        var asCoordinator = await app.LoggedInClientAsync(coordinator.Email!);
        var asAdmin = await app.LoggedInClientAsync(admin.Email!);

        var pages = new (HttpClient Client, string Url, string Kind)[]
        {
            (anonymous, "/", "home"), (anonymous, "/Identity/Account/Login", "log-in form"), (anonymous, "/courses", "catalog"),
            (anonymous, "/courses/welcome", "course"), (anonymous, $"/verify/{code}", "verification"), (anonymous, "/no/such/page", "404"),
            (anonymous, "/learn", "redirect to log-in"), (anonymous, "/health/live", "health"),
            (asLearner, "/courses/welcome/modules/how-these-courses-work", "module"), (asLearner, "/learn", "my learning"),
            (asLearner, $"/certificates/{code}.pdf", "certificate PDF"), (asLearner, "/admin/users", "forbidden"),
            (asCoordinator, "/coordinate", "dashboard"), (asCoordinator, "/coordinate/people/export.csv", "CSV export"),
            (asAdmin, "/admin/audit", "admin page"), (asAdmin, "/teach/courses", "authoring"),
        };
        foreach (var (client, url, kind) in pages)
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{kind} {url}: {response.StatusCode}");
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, policy);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{kind}: HSTS over plain HTTP");
        }

        // Course images keep their own, stricter policy (sandboxed: an SVG opened alone runs nothing).
        var image = await asLearner.GetAsync("/courses/welcome/media/images/learning-path.svg");
        Assert.Contains("sandbox", Assert.Single(image.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(image.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Over_https_the_site_asks_for_https_only_and_its_cookies_are_secure_httponly_and_samesite()
    {
        var learner = await app.CreateUserAsync("Lea Learner", Roles.Learner);
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://training.example.org/"), AllowAutoRedirect = false });

        var login = await client.GetAsync("/Identity/Account/Login");
        var hsts = Assert.Single(login.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        AssertProtected(antiforgery, "strict");

        var posted = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = learner.Email!, ["Input.Password"] = TrainingAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var auth = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Training.Auth=", StringComparison.Ordinal));
        AssertProtected(auth, "lax");
    }

    private static void AssertProtected(string cookie, string sameSite)
    {
        var parts = cookie.Split(';', StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToList();
        Assert.Contains("secure", parts);
        Assert.Contains("httponly", parts);
        Assert.Contains($"samesite={sameSite}", parts);
    }
}
