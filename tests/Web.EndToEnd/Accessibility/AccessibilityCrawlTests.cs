using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Training.Web.EndToEnd.Support;
using Xunit.Abstractions;

namespace Training.Web.EndToEnd.Accessibility;

/// <summary>
/// Each role crawls the site from the home page, following same-origin links only (GET, no forms), and axe
/// checks every kind of page it reaches against WCAG 2.0, 2.1 and 2.2 A and AA, in English and in Arabic.
/// </summary>
public sealed class AccessibilityCrawlTests(AccessibilitySiteUnderTest site, ITestOutputHelper output) : IClassFixture<AccessibilitySiteUnderTest>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private static readonly string[] Roles = ["anonymous", "learner", "trainer", "coordinator", "admin"];

    /// <summary>
    /// Each role in turn crawls from the home page. A route shape (ids and slugs aside) that an earlier role
    /// already had checked in this language is visited and crawled on but not checked again, except each
    /// role's first page (its own navigation): the crawl stays complete while axe runs once per kind of page.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Every_page_each_role_can_reach_has_no_WCAG_A_or_AA_violations(string language)
    {
        var checkedShapes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new StringBuilder();
        foreach (var role in Roles)
        {
            var (reached, checkedPages) = await CrawlAsync(role, language, checkedShapes, problems);
            output.WriteLine($"{role} in {language}: {reached.Count} pages reached, {checkedPages.Count} checked: {string.Join(' ', checkedPages)}");
            Assert.True(reached.Count >= 3, $"Only {reached.Count} pages reached as {role}.");
            if (role == "learner")
            {
                Assert.Contains(reached, p => p.Contains("/modules/", StringComparison.Ordinal));
                Assert.Contains(reached, p => p.Contains("/quizzes/", StringComparison.Ordinal));
                Assert.Contains(reached, p => p.StartsWith("/attempts/", StringComparison.Ordinal));
            }
            if (role == "coordinator")
            {
                Assert.Contains("/coordinate", reached);
            }
        }
        Assert.True(problems.Length == 0, $"{checkedShapes.Count} kinds of page checked in {language}:\n{problems}");
    }

    private async Task<(IReadOnlyList<string> Reached, List<string> Checked)> CrawlAsync(string role, string language, HashSet<string> checkedShapes, StringBuilder problems)
    {
        var page = await site.NewPageAsync();
        if (role != "anonymous")
        {
            await SiteUnderTest.LogInAsync(page, site.Emails[role]);
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        }
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = site.BaseUrl }]);

        var extra = new List<string>();
        if (role == "learner")
        {
            // An attempt page is reached by a form (Start the quiz), which the crawl never submits: open one here.
            await page.GotoAsync($"/courses/{AccessibilitySiteUnderTest.QuizCourse}");
            await page.Locator("a[href*='/quizzes/']:not([href$='/final'])").First.ClickAsync();
            await page.Locator("form[action$='/start'] button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync("**/attempts/**");
            extra.Add(new Uri(page.Url).PathAndQuery);
        }

        var crawl = new SiteCrawl(site.BaseUrl, maxPages: 60, perShape: 2);
        var checkedPages = new List<string>();
        foreach (var path in extra.Prepend("/"))
        {
            crawl.Enqueue(path);
        }
        while (crawl.Next() is string path)
        {
            var response = await page.GotoAsync(path);
            if (response is null || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }
            var landed = new Uri(page.Url).PathAndQuery;
            if (!crawl.Arrive(landed))
            {
                continue; // a redirect to a page already visited
            }
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            if (checkedShapes.Add(SiteCrawl.Shape(new Uri(page.Url).AbsolutePath)) || crawl.Visited.Count == 1)
            {
                Report(problems, $"{role} {landed}", await page.RunAxe(Wcag));
                checkedPages.Add(landed);
            }
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
            {
                crawl.Enqueue(href);
            }
        }
        await page.Context.CloseAsync();
        return (crawl.Visited, checkedPages);
    }

    private static void Report(StringBuilder problems, string path, AxeResult result)
    {
        foreach (var violation in result.Violations)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{path}: {violation.Id} ({violation.Impact}) {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target} :: {node.Html}");
            }
        }
    }
}
