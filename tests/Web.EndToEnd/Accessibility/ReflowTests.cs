using System.Text;
using Microsoft.Playwright;
using Training.Web.EndToEnd.Support;

namespace Training.Web.EndToEnd.Accessibility;

/// <summary>
/// The main pages at 320 CSS pixels wide and at 200 % zoom (a 1280-pixel window zoomed twice: 640 CSS
/// pixels at two device pixels each), in English and Arabic: nothing scrolls sideways (WCAG 1.4.10; wide
/// tables scroll inside their own labelled region, which 1.4.10 allows), and a full-page screenshot of each
/// is kept in tests/Web.EndToEnd/bin/screenshots for a person to look at.
/// </summary>
public sealed class ReflowTests(AccessibilitySiteUnderTest site) : IClassFixture<AccessibilitySiteUnderTest>
{
    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        ["learner"] = ["/", "/learn", "/courses", $"/courses/{AccessibilitySiteUnderTest.QuizCourse}", $"/courses/{AccessibilitySiteUnderTest.QuizCourse}/modules/setting-up-a-safe-interview", "/Identity/Account/Manage"],
        ["coordinator"] = ["/coordinate", "/coordinate/people", "/coordinate/assignments"],
    };

    public static TheoryData<string, string> RolesAndLanguages() => new() { { "learner", "en" }, { "learner", "ar" }, { "coordinator", "en" }, { "coordinator", "ar" } };

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task The_main_pages_reflow_at_320_pixels_and_at_200_percent_zoom(string role, string language)
    {
        var problems = new StringBuilder();
        foreach (var (name, width, height, scale) in new[] { ("320", 320, 640, 1f), ("zoom200", 640, 400, 2f) })
        {
            await using var context = SiteUnderTest.Patient(await site.Browser.NewContextAsync(new()
            {
                BaseURL = site.BaseUrl, ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = scale,
            }));
            var page = await context.NewPageAsync();
            await SiteUnderTest.LogInAsync(page, site.Emails[role]);
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = site.BaseUrl }]);
            var paths = PagesByRole[role].ToList();
            if (role == "learner")
            {
                // A quiz page with matching and ordering lists: reached through Start (or Continue) on the quiz page.
                await page.GotoAsync($"/courses/{AccessibilitySiteUnderTest.QuizCourse}/quizzes/setting-up-a-safe-interview");
                await page.Locator("form[action$='/start'] button[type=submit]").First.ClickAsync();
                await page.WaitForURLAsync("**/attempts/**");
                paths.Add(new Uri(page.Url).PathAndQuery);
            }
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response?.Ok, $"{path}: HTTP {response?.Status}");
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    var wide = await page.EvaluateAsync<string>("""
                        () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                              || e.getBoundingClientRect().left < -1).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')
                        """);
                    problems.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{path} at {name}: scrolls sideways by {overflow} px ({wide})");
                }
                var file = $"{role}-{language}-{name}{new Uri(site.BaseUrl + path).AbsolutePath.Replace('/', '_')}.png";
                await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "reflow", file), FullPage = true });
            }
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }
}
