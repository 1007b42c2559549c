using System.Net;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Catalog;

/// <summary>The catalog and course pages over the repository's own course-content/.</summary>
public sealed class CatalogTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    [Theory]
    [InlineData("/courses", new[] { "Spotting trafficking and exploitation", "Before you start" }, new string[0])]
    [InlineData("/courses?topic=trafficking", new[] { "Spotting trafficking and exploitation" }, new[] { "Before you start" })]
    [InlineData("/courses?language=en&q=interview", new[] { "Safe, gender-sensitive interviewing" }, new[] { "Spotting trafficking" })]
    [InlineData("/courses?q=zzzqqq", new string[0], new[] { "Spotting trafficking", "Before you start" })]
    public async Task The_catalog_filters_by_topic_and_language_and_searches_titles_and_summaries(string url, string[] shown, string[] hidden)
    {
        var client = await app.LoggedInClientAsync((await app.CreateUserAsync("Cata Log", Roles.Learner)).Email!);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));

        Assert.All(shown, title => Assert.Contains(title, html));
        Assert.All(hidden, title => Assert.DoesNotContain(title, html));
    }

    [Theory]
    [InlineData("/courses")]
    [InlineData("/courses?q=trafficking")]
    [InlineData("/courses/welcome")]
    [InlineData("/courses/welcome/glossary")]
    public async Task Visitors_without_an_account_see_the_catalog_course_pages_and_glossaries(string url)
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_visitor_sees_the_course_and_its_modules_and_is_asked_to_log_in_to_enrol()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/courses/welcome"));

        Assert.Contains(">Before you start: working with migrants respectfully</h1>", html);
        Assert.Contains("How these courses work", html);
        Assert.Contains("Words that respect people", html);
        Assert.Contains("Log in or create an account to enrol.", html);
        Assert.Contains("href=\"/Identity/Account/Login?returnUrl=/courses/welcome\"", html.Replace("%2F", "/", StringComparison.Ordinal));
        Assert.DoesNotContain("Enrol in this course", html);
        Assert.DoesNotContain("href=\"/courses/welcome/modules/", html);
        Assert.DoesNotContain("Your progress", html);
    }

    [Fact]
    public async Task A_learner_enrols_reads_a_module_and_completing_it_twice_records_one_completion()
    {
        var learner = await app.CreateUserAsync("Enid Enrol", Roles.Learner);
        var client = await app.LoggedInClientAsync(learner.Email!);

        var beforeEnrolling = await client.GetAsync("/courses/welcome/modules/how-these-courses-work");
        Assert.Equal(HttpStatusCode.Redirect, beforeEnrolling.StatusCode);
        Assert.Equal("/courses/welcome", beforeEnrolling.Headers.Location!.OriginalString);

        var enrol = await client.PostFormAsync("/courses/welcome", new Dictionary<string, string>(), "/courses/welcome/enrol");
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        var course = await client.GetStringAsync("/courses/welcome");
        Assert.Contains("Leave this course", course);
        Assert.Contains("Your progress: 0 of 2 modules", course);

        var module = await client.GetStringAsync("/courses/welcome/modules/how-these-courses-work");
        Assert.Contains("<h1 id=\"module-title\">How these courses work</h1>", module);
        Assert.Contains("On this page", module);
        Assert.Contains("class=\"glossary-term\"", module);

        for (var i = 0; i < 2; i++)
        {
            var complete = await client.PostFormAsync("/courses/welcome/modules/how-these-courses-work", new Dictionary<string, string>(),
                "/courses/welcome/modules/how-these-courses-work/complete");
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
            Assert.Equal("/courses/welcome/modules/words-that-respect-people", complete.Headers.Location!.OriginalString);
        }
        Assert.Equal(1, app.WithDb(db => db.ModuleCompletions.Count(c => c.UserId == learner.Id)));
        Assert.Contains("Your progress: 1 of 2 modules", await client.GetStringAsync("/courses/welcome"));

        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/learn"));
        Assert.Contains("1 of 2 modules completed", home);
        Assert.Contains("Continue where you left off", home);
    }

    [Fact]
    public async Task Leaving_a_course_keeps_completed_modules_for_a_later_return()
    {
        var learner = await app.CreateUserAsync("Lee Leaver", Roles.Learner);
        var client = await app.LoggedInClientAsync(learner.Email!);
        await client.PostFormAsync("/courses/welcome", new Dictionary<string, string>(), "/courses/welcome/enrol");
        await client.PostFormAsync("/courses/welcome/modules/how-these-courses-work", new Dictionary<string, string>(), "/courses/welcome/modules/how-these-courses-work/complete");

        await client.PostFormAsync("/courses/welcome", new Dictionary<string, string>(), "/courses/welcome/leave");
        Assert.Contains("Enrol in this course", await client.GetStringAsync("/courses/welcome"));
        await client.PostFormAsync("/courses/welcome", new Dictionary<string, string>(), "/courses/welcome/enrol");

        Assert.Contains("Your progress: 1 of 2 modules", await client.GetStringAsync("/courses/welcome"));
    }

    [Fact]
    public async Task Only_learners_enrol_and_every_post_needs_the_anti_forgery_token()
    {
        var coordinator = await app.LoggedInClientAsync((await app.CreateUserAsync("Cora Coordinator", Roles.Coordinator)).Email!);
        var learner = await app.LoggedInClientAsync((await app.CreateUserAsync("Tom Tokenless", Roles.Learner)).Email!);

        var byCoordinator = await coordinator.PostFormAsync("/courses/welcome", new Dictionary<string, string>(), "/courses/welcome/enrol");
        var withoutToken = await learner.PostAsync("/courses/welcome/enrol", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, byCoordinator.StatusCode);
        Assert.StartsWith("/error/403", byCoordinator.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task Trainers_preview_modules_without_enrolling_and_the_print_view_has_no_site_navigation()
    {
        var trainer = await app.LoggedInClientAsync((await app.CreateUserAsync("Tara Trainer", Roles.Trainer)).Email!);

        var print = await trainer.GetStringAsync("/courses/welcome/modules/words-that-respect-people/print");

        Assert.Contains("Words that respect people", print);
        Assert.DoesNotContain("site-nav", print);
        Assert.DoesNotContain("Mark as complete", print);
    }

    [Theory]
    [InlineData("/courses/welcome/media/images/learning-path.svg", HttpStatusCode.OK)]
    [InlineData("/courses/welcome/media/course.yml", HttpStatusCode.NotFound)]
    [InlineData("/courses/welcome/media/..%2F..%2Fsrc%2FWeb%2Fappsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/courses/..%2Fsrc/media/Web/wwwroot/favicon.svg", HttpStatusCode.NotFound)]
    public async Task Course_images_are_served_and_nothing_outside_the_course_folder(string url, HttpStatusCode expected)
    {
        var client = await app.LoggedInClientAsync((await app.CreateUserAsync("Mia Media", Roles.Learner)).Email!);

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_glossary_page_defines_the_terms_modules_link_to()
    {
        var client = await app.LoggedInClientAsync((await app.CreateUserAsync("Gus Glossary", Roles.Learner)).Email!);

        var glossary = await client.GetStringAsync("/courses/welcome/glossary");

        Assert.Contains("id=\"term-migrant-worker\"", glossary);
    }
}
