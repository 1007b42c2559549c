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
/// checks every page it reaches against WCAG 2.0, 2.1 and 2.2 A and AA, in English and in Arabic.
/// </summary>
public sealed class AccessibilityCrawlTests(AccessibilitySiteUnderTest site, ITestOutputHelper output) : IClassFixture<AccessibilitySiteUnderTest>
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "anonymous", "learner", "trainer", "coordinator", "admin" })
        {
            data.Add(role, "en");
            data.Add(role, "ar");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Every_page_a_role_can_reach_has_no_WCAG_A_or_AA_violations(string role, string language)
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

        var crawl = new SiteCrawl(site.BaseUrl, maxPages: 30, perShape: 2);
        var problems = new StringBuilder();
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
                continue; // a redirect to a page already checked
            }
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Report(problems, landed, await page.RunAxe(Wcag));
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
            {
                crawl.Enqueue(href);
            }
        }

        var visited = crawl.Visited;
        Assert.True(visited.Count >= 3, $"Only {visited.Count} pages reached as {role}.");
        if (role == "learner")
        {
            Assert.Contains(visited, p => p.Contains("/modules/", StringComparison.Ordinal));
            Assert.Contains(visited, p => p.Contains("/quizzes/", StringComparison.Ordinal));
            Assert.Contains(visited, p => p.StartsWith("/attempts/", StringComparison.Ordinal));
        }
        if (role == "coordinator")
        {
            Assert.Contains("/coordinate", visited);
        }
        output.WriteLine($"{visited.Count} pages checked as {role} in {language}: {string.Join(' ', visited)}");
        Assert.True(problems.Length == 0, $"{visited.Count} pages checked as {role} in {language}:\n{problems}");
        await page.Context.CloseAsync();
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
