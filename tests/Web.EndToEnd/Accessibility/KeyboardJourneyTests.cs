using Microsoft.Playwright;
using Training.Web.EndToEnd.Quizzes;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Accessibility;

/// <summary>
/// WCAG 2.2 by keyboard alone: from log-in through a quiz with matching and ordering questions to the
/// certificate, with Tab, Shift+Tab, Enter, Space and the arrow keys only (no clicks, no dragging: 2.1.1,
/// 2.5.7). At every stop of the focus: it is visible (2.4.7), not hidden under anything (2.4.11) and, if it
/// is not a link inside a sentence, at least 24 by 24 pixels or that far from any other target (2.5.8). Log-in takes a pasted password and
/// asks no puzzle (3.3.8).
/// </summary>
public sealed class KeyboardJourneyTests(QuizSiteUnderTest site) : IClassFixture<QuizSiteUnderTest>
{
    /// <summary>What the focused element looks like to the checks, measured in the page.</summary>
    private const string FocusProbe = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const r = e.getBoundingClientRect();
          const s = getComputedStyle(e);
          const name = (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || e.value || '').trim().replace(/\s+/g, ' ');
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
          const top = document.elementFromPoint(x, y);
          const label = e.labels ? [...e.labels].some(l => l === top || l.contains(top)) : false;
          const hidden = !(top === e || e.contains(top) || (top && top.contains(e)) || label)
            || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
          const parent = e.parentElement;
          const inSentence = s.display === 'inline' && parent && parent.textContent.trim().length > e.textContent.trim().length + 1;
          // 2.5.8's spacing exception: an undersized target passes when a 24 px circle centred on it touches no
          // other target (and no other undersized target's circle).
          const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
          const spaced = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
            .filter(o => o !== e && !o.contains(e) && !e.contains(o) && o.getClientRects().length > 0)
            .every(o => {
              const q = o.getBoundingClientRect();
              const dx = Math.max(q.left - cx, 0, cx - q.right), dy = Math.max(q.top - cy, 0, cy - q.bottom);
              const small = q.width < 24 || q.height < 24;
              const ox = q.left + q.width / 2 - cx, oy = q.top + q.height / 2 - cy;
              return Math.hypot(dx, dy) >= 12 && (!small || Math.hypot(ox, oy) >= 24);
            });
          return { Tag: e.tagName.toLowerCase(), Type: e.type || '', Name: name, Outline: outline, Hidden: hidden, Width: r.width, Height: r.height, InSentence: !!inSentence, Spaced: spaced };
        }
        """;

    private sealed class Focus
    {
        public string Tag { get; set; } = "";
        public string Type { get; set; } = "";
        public string Name { get; set; } = "";
        public bool Outline { get; set; }
        public bool Hidden { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public bool InSentence { get; set; }
        public bool Spaced { get; set; }

        public override string ToString() => $"<{Tag}{(Type.Length > 0 ? " " + Type : "")}> \"{Name}\" {Width:0}×{Height:0}";
    }

    private readonly List<string> problems = [];

    [Fact]
    public async Task A_learner_logs_in_passes_a_quiz_with_matching_and_ordering_and_downloads_the_certificate_by_keyboard_alone()
    {
        var learner = await site.App.CreateUserAsync("Kemal Keyboard", Roles.Learner);
        await using var context = SiteUnderTest.Patient(await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, ViewportSize = new() { Width = 1024, Height = 768 } }));
        var page = await context.NewPageAsync();

        // Log in: the skip link comes first, then the form; Enter submits.
        await page.GotoAsync("/Identity/Account/Login");
        await TabToAsync(page, f => f.Name == "Skip to main content");
        await TabToAsync(page, f => f.Tag == "input" && f.Name == "E-mail address");
        await page.Keyboard.TypeAsync(learner.Email!);
        await TabToAsync(page, f => f.Type == "password");
        await page.Keyboard.TypeAsync(TrainingAppFactory.Password);
        await TabToAsync(page, f => f.Tag == "button" && f.Name == "Log in");
        await PressAndWaitAsync(page, "Enter");
        Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.Ordinal);

        // Enrol (Space on a button), read the first module and mark it complete (Enter on a link, Space on a button).
        await page.GotoAsync($"/courses/{QuizContent.Course}");
        await TabToAsync(page, f => f.Name == "Enrol in this course");
        await PressAndWaitAsync(page, "Space");
        await TabToAsync(page, f => f.Tag == "a" && f.Name == "More");
        await PressAndWaitAsync(page, "Enter");
        await TabToAsync(page, f => f.Name == "Mark as complete");
        await PressAndWaitAsync(page, "Space");

        // The module quiz: one question of every type, a page each.
        await page.GotoAsync($"/courses/{QuizContent.Course}/modules/basics");
        await TabToAsync(page, f => f.Name == "Take the module quiz");
        await PressAndWaitAsync(page, "Enter");
        await TabToAsync(page, f => f.Name == "Start the quiz");
        await PressAndWaitAsync(page, "Enter");

        // True or false: Tab reaches the group, the arrow keys choose within it.
        await TabToAsync(page, f => f.Type == "radio");
        await ArrowToCheckedAsync(page, "False");
        await SaveAndContinueAsync(page);

        // Several answers: Space ticks each box.
        await TabToAsync(page, f => f.Type == "checkbox" && f.Name == "Debt bondage");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, f => f.Type == "checkbox" && f.Name == "Isolation");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.GetByLabel("Debt bondage").IsCheckedAsync() && await page.GetByLabel("Isolation").IsCheckedAsync());
        await SaveAndContinueAsync(page);

        // Matching: each item's list, changed with the arrow keys (no dragging).
        await TabToAsync(page, f => f.Tag == "select" && f.Name == "ILO C181");
        await ArrowToOptionAsync(page, "recruitment agencies");
        await TabToAsync(page, f => f.Tag == "select" && f.Name == "CEDAW");
        await ArrowToOptionAsync(page, "discrimination against women");
        await SaveAndContinueAsync(page);

        // Ordering: each item takes its position from a list; the first is set last, going back with Shift+Tab.
        await TabToAsync(page, f => f.Tag == "select" && f.Name == "Explain options");
        await ArrowToOptionAsync(page, "2");
        await TabToAsync(page, f => f.Tag == "select" && f.Name == "Refer");
        await ArrowToOptionAsync(page, "3");
        await TabToAsync(page, f => f.Tag == "select" && f.Name == "Safety first", backwards: true);
        await ArrowToOptionAsync(page, "1");
        await SaveAndContinueAsync(page);

        await TabToAsync(page, f => f.Tag == "input" && f.Name == "Your answer");
        await page.Keyboard.TypeAsync("Nursing");
        await TabToAsync(page, f => f.Name == "Save and finish");
        await PressAndWaitAsync(page, "Enter");
        await Assertions.Expect(page.GetByText("You have answered 5 of 5 questions.")).ToBeVisibleAsync();
        await TabToAsync(page, f => f.Name == "Submit and see my result");
        await PressAndWaitAsync(page, "Enter");
        await Assertions.Expect(page.GetByText("Your score: 100 %")).ToBeVisibleAsync();

        // The final assessment, reached from the course page.
        await page.GotoAsync($"/courses/{QuizContent.Course}");
        await TabToAsync(page, f => f.Name == "Go to the final assessment");
        await PressAndWaitAsync(page, "Enter");
        await TabToAsync(page, f => f.Name == "Start the quiz");
        await PressAndWaitAsync(page, "Enter");
        await TabToAsync(page, f => f.Type == "radio");
        await ArrowToCheckedAsync(page, "Right");
        await TabToAsync(page, f => f.Name == "Save and finish");
        await PressAndWaitAsync(page, "Enter");
        await TabToAsync(page, f => f.Name == "Submit and see my result");
        await PressAndWaitAsync(page, "Enter");
        await Assertions.Expect(page.GetByText("You have completed the course.")).ToBeVisibleAsync();

        // The certificate, from My learning.
        await TabToAsync(page, f => f.Tag == "a" && f.Name == "My learning");
        await PressAndWaitAsync(page, "Enter");
        await TabToAsync(page, f => f.Tag == "a" && f.Name.StartsWith("Download the certificate for Quiz course", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        await using var pdf = await download.CreateReadStreamAsync();
        var start = new byte[4];
        await pdf.ReadExactlyAsync(start);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(start));

        Assert.True(problems.Count == 0, "At these focus stops:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Log_in_takes_a_pasted_password_and_asks_no_puzzle()
    {
        var learner = await site.App.CreateUserAsync("Paula Paste", Roles.Learner);
        await using var context = SiteUnderTest.Patient(await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl }));
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");

        // Password managers fill these (3.3.8 accepts them); nothing on the page blocks pasting.
        Assert.Equal("username", await page.GetByLabel("E-mail address").GetAttributeAsync("autocomplete"));
        var password = page.GetByLabel("Password", new() { Exact = true });
        Assert.Equal("current-password", await password.GetAttributeAsync("autocomplete"));
        Assert.Equal(0, await page.Locator("iframe, [class*=captcha i], [id*=captcha i]").CountAsync());

        await page.GetByLabel("E-mail address").FillAsync(learner.Email!);
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", TrainingAppFactory.Password);
        await password.FocusAsync();
        await page.Keyboard.PressAsync("Control+V");
        Assert.Equal(TrainingAppFactory.Password, await password.InputValueAsync());
        await PressAndWaitAsync(page, "Enter");
        Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focus is on what <paramref name="wanted"/> accepts, checking every stop on the way.</summary>
    private async Task TabToAsync(IPage page, Func<Focus, bool> wanted, bool backwards = false)
    {
        var seen = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<Focus?>(FocusProbe);
            if (focus is null)
            {
                continue;
            }
            Check(page, focus);
            seen.Add(focus.ToString());
            if (wanted(focus))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached the element on {page.Url}; it went through:\n{string.Join('\n', seen)}");
    }

    private void Check(IPage page, Focus focus)
    {
        var where = $"{new Uri(page.Url).AbsolutePath} {focus}";
        if (!focus.Outline)
        {
            problems.Add($"{where}: no visible focus outline");
        }
        if (focus.Hidden)
        {
            problems.Add($"{where}: the focused element is hidden or covered");
        }
        if (!focus.InSentence && (focus.Width < 24 || focus.Height < 24) && !focus.Spaced)
        {
            problems.Add($"{where}: target smaller than 24 × 24 px and too close to another");
        }
    }

    /// <summary>Moves through a radio group with the arrow keys until the named choice is checked.</summary>
    private async Task ArrowToCheckedAsync(IPage page, string choice)
    {
        for (var i = 0; i < 10 && !await page.GetByLabel(choice, new() { Exact = true }).IsCheckedAsync(); i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            Check(page, (await page.EvaluateAsync<Focus?>(FocusProbe))!);
        }
        Assert.True(await page.GetByLabel(choice, new() { Exact = true }).IsCheckedAsync(), $"The arrow keys never checked \"{choice}\".");
    }

    /// <summary>Changes the focused list with the arrow keys (down or up, one option a press) until it shows <paramref name="option"/>.</summary>
    private static async Task ArrowToOptionAsync(IPage page, string option)
    {
        var steps = await page.EvaluateAsync<int>(
            "text => { const s = document.activeElement; return [...s.options].findIndex(o => o.textContent.trim() === text) - s.selectedIndex; }", option);
        for (var i = 0; i < Math.Abs(steps); i++)
        {
            await page.Keyboard.PressAsync(steps > 0 ? "ArrowDown" : "ArrowUp");
        }
        Assert.Equal(option, await page.EvaluateAsync<string>("() => document.activeElement.selectedOptions[0].textContent.trim()"));
    }

    private async Task SaveAndContinueAsync(IPage page)
    {
        await TabToAsync(page, f => f.Tag == "button" && f.Name == "Save and continue");
        await PressAndWaitAsync(page, "Enter");
    }

    /// <summary>Presses a key that submits a form or follows a link, and waits until the page it leads to has loaded.</summary>
    private static async Task PressAndWaitAsync(IPage page, string key)
    {
        await page.EvaluateAsync("() => document.documentElement.dataset.left = 'yes'"); // the next page will not carry this mark
        await page.Keyboard.PressAsync(key);
        await Assertions.Expect(page.Locator("html:not([data-left])")).ToHaveCountAsync(1);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
