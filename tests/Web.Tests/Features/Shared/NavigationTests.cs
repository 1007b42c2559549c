using System.Net;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Shared;

/// <summary>Each role is sent to its own page and sees the navigation of what it may do, and no more.</summary>
public sealed class NavigationTests : IClassFixture<TrainingAppFactory>
{
    private static readonly Dictionary<string, (string Home, string Link)> Areas = new()
    {
        [Roles.Learner] = ("/learn", "My learning"),
        [Roles.Trainer] = ("/teach", "Teaching"),
        [Roles.Coordinator] = ("/coordinate", "Coordination"),
        [Roles.Admin] = ("/admin/users", "Users and roles"),
    };

    private readonly TrainingAppFactory app;

    public NavigationTests(TrainingAppFactory app) => this.app = app;

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Admin)]
    public async Task Each_role_lands_on_its_page_and_sees_only_its_navigation(string role)
    {
        var person = await app.CreateUserAsync($"Nav {role}", role);
        var client = await app.LoggedInClientAsync(person.Email!);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(Areas[role].Home, home.Headers.Location?.OriginalString);

        var page = await client.GetAsync(Areas[role].Home);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var (otherRole, area) in Areas)
        {
            var link = $"href=\"{area.Home}\">{area.Link}</a>";
            if (otherRole == role) Assert.Contains(link, html);
            else Assert.DoesNotContain(link, html);
        }
        Assert.Contains("Log out", html);
    }

    [Theory]
    [InlineData(Roles.Learner, false)]
    [InlineData(Roles.Trainer, false)]
    [InlineData(Roles.Coordinator, false)]
    [InlineData(Roles.Admin, true)]
    public async Task Only_admins_see_the_audit_log_link(string role, bool sees)
    {
        var person = await app.CreateUserAsync($"Audit nav {role}", role);
        var client = await app.LoggedInClientAsync(person.Email!);

        var html = await client.GetStringAsync("/courses");

        Assert.Equal(sees, html.Contains("href=\"/admin/audit\">Audit log</a>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/learn")]
    [InlineData("/teach")]
    [InlineData("/coordinate")]
    [InlineData("/admin/users")]
    [InlineData("/courses/welcome/modules/how-these-courses-work")]
    [InlineData("/courses/welcome/modules/how-these-courses-work/print")]
    [InlineData("/courses/welcome/quizzes/final")]
    [InlineData("/courses/welcome/media/images/learning-path.svg")]
    [InlineData("/account/settings")]
    public async Task Anonymous_visitors_are_sent_to_log_in(string path)
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/courses/welcome/enrol")]
    [InlineData("/courses/welcome/leave")]
    [InlineData("/courses/welcome/modules/how-these-courses-work/complete")]
    [InlineData("/courses/welcome/quizzes/final/start")]
    public async Task Anonymous_posts_that_enrol_or_record_progress_are_sent_to_log_in(string path)
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync(path, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_home_page_shows_visitors_the_way_to_the_catalog()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<a class=\"btn\" href=\"/courses\">Browse the course catalog</a>", html);
        Assert.Contains("<li><a href=\"/courses\">Courses</a></li>", html);
    }

    [Fact]
    public async Task The_layout_has_a_skip_link_landmarks_and_a_language()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>", html);
        Assert.Contains("<header", html);
        Assert.Contains("<nav class=\"site-nav\" aria-label=\"Main\">", html);
        Assert.Contains("<main id=\"main\"", html);
        Assert.Contains("<footer", html);
        Assert.Contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\"", html);
    }

    [Fact]
    public async Task A_coordinator_sees_the_learners_of_their_unit_only()
    {
        var learner = await app.CreateUserAsync("Leila Learner", Roles.Learner);
        var elsewhere = await app.CreateUserAsync("Otto Elsewhere", Roles.Learner);
        var (_, coordinator) = await app.CoordinatorOfAsync(learner.Id);
        await app.PlaceAsync(await app.CreateUnitAsync("Other"), elsewhere.Id);
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        var html = await client.GetStringAsync("/coordinate/people");

        Assert.Contains("Leila Learner", html);
        Assert.DoesNotContain("Otto Elsewhere", html);
        Assert.DoesNotContain("Cora Coordinator</a>", html);
    }
}
