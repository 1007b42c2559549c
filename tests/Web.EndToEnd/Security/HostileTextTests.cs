using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Courses.Enrolment;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Security;

/// <summary>
/// Script written into a course title, a module, a quiz question and its feedback, a person's name, a unit's
/// name and a CSV import never runs, on any page that shows them, in Chromium with the content security
/// policy turned off (so escaping alone must hold); and the exports neutralise formulas.
/// </summary>
public sealed class HostileTextTests(HostileTextTests.HostileSite site) : IClassFixture<HostileTextTests.HostileSite>
{
    /// <summary>Runs if anything renders it as markup: sets window.xss and adds an element with this id.</summary>
    private static string Payload(string where) =>
        $"<img src=x id=xss-{where} onerror=\"window.xss='{where}'\"><b id=xss-b-{where}>bold";

    [Fact]
    public async Task Hostile_text_shows_as_text_and_never_runs_on_any_page_for_any_role()
    {
        var failures = new List<string>();
        async Task VisitAsAsync(string? email, params (string Url, string MustShow)[] pages)
        {
            // The policy would stop inline handlers: turn it off, so only the pages' escaping protects them.
            var context = SiteUnderTest.Patient(await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, BypassCSP = true }));
            var page = await context.NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
            if (email is not null)
            {
                await SiteUnderTest.LogInAsync(page, email);
                await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/Login", StringComparison.Ordinal));
            }
            foreach (var (url, mustShow) in pages)
            {
                var response = await page.GotoAsync(url);
                await page.WaitForLoadStateAsync(LoadState.Load);
                var ran = await page.EvaluateAsync<string?>("() => window.xss ?? null");
                var injected = await page.EvaluateAsync<int>("() => document.querySelectorAll('[id^=xss-], script:not([src])').length");
                var text = await page.EvaluateAsync<string>("() => document.body.innerText");
                if (response?.Status != 200)
                {
                    failures.Add($"{url} as {email ?? "anonymous"}: answered {response?.Status}");
                }
                if (ran is not null || injected > 0 || dialogs.Count > 0)
                {
                    failures.Add($"{url} as {email ?? "anonymous"}: markup from the text became elements (xss={ran}, elements={injected}, dialogs={dialogs.Count})");
                }
                if (!text.Contains(mustShow, StringComparison.Ordinal))
                {
                    failures.Add($"{url} as {email ?? "anonymous"}: the page does not show \"{mustShow}\" as text, so the check saw nothing");
                }
            }
            await context.CloseAsync();
        }

        var learnerName = Payload("name");
        var unitName = Payload("unit");
        var courseTitle = Payload("title");
        await VisitAsAsync(site.LearnerEmail,
            ("/learn", courseTitle),
            ("/courses", courseTitle),
            ($"/courses/{HostileSite.Course}", courseTitle),
            ($"/courses/{HostileSite.Course}/modules/only", Payload("module")),
            ($"/attempts/{site.AttemptId}/result", Payload("feedback")));
        await VisitAsAsync(site.CoordinatorEmail,
            ("/coordinate", unitName),
            ($"/coordinate/people?unit={site.UnitId}", learnerName),
            ($"/coordinate/people/{site.LearnerId}", learnerName),
            ("/certificates", learnerName),
            ("/people/invitations", Payload("csv")),
            ("/coordinate/assignments/new", unitName));
        await VisitAsAsync(site.AdminEmail,
            ("/admin/users", learnerName),
            ($"/admin/users/{site.LearnerId}", learnerName),
            ("/admin/units", unitName),
            ($"/admin/units/{site.UnitId}", unitName),
            ("/admin/audit", "imported@example.org"));
        await VisitAsAsync(null, ($"/verify/{site.Certificate}", learnerName));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Exports_start_formula_cells_with_an_apostrophe()
    {
        var context = SiteUnderTest.Patient(await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl }));
        var page = await context.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, site.CoordinatorEmail);
        await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/Login", StringComparison.Ordinal));

        var csv = Encoding.UTF8.GetString(await (await page.APIRequest.GetAsync($"/coordinate/people/export.csv?unit={site.UnitId}")).BodyAsync());
        await context.CloseAsync();

        Assert.True(csv.Contains("'=HYPERLINK(", StringComparison.Ordinal), csv);
        Assert.DoesNotContain(",=HYPERLINK(", csv.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>
    /// A course whose title, module, question and feedback carry script; a unit and a learner whose names do;
    /// the learner has passed the course (a certificate) and a coordinator imported a hostile CSV line.
    /// </summary>
    public sealed class HostileSite : SiteUnderTest
    {
        public const string Course = "hostile";

        private readonly string folder = Path.Combine(Path.GetTempPath(), "training-hostile", Guid.NewGuid().ToString("N"));

        public string LearnerEmail { get; private set; } = "";

        public string LearnerId { get; private set; } = "";

        public string CoordinatorEmail { get; private set; } = "";

        public string AdminEmail { get; private set; } = "";

        public int UnitId { get; private set; }

        public int AttemptId { get; private set; }

        public string Certificate { get; private set; } = "";

        protected override void Configure(TrainingAppFactory app)
        {
            var course = Path.Combine(folder, Course);
            Directory.CreateDirectory(course);
            static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
            File.WriteAllText(Path.Combine(course, "course.yml"), $"""
                title: {Quoted(Payload("title"))}
                summary: {Quoted("Summary " + Payload("summary"))}
                audience: [police]
                topics: [testing]
                language: en
                estimatedHours: 1
                passMark: 50
                certificateValidityMonths: 12
                """);
            File.WriteAllText(Path.Combine(course, "01-only.md"), $"""
                ---
                title: {Quoted("Only " + Payload("module-title"))}
                estimatedMinutes: 5
                objectives: [Read safely.]
                ---

                ## Only

                Text with `{Payload("module")}` written as code, and raw: <img alt="raw" src=x onerror="window.xss='raw'"> <script>window.xss='script'</script>
                [a link](javascript:window.xss='link')
                """);
            File.WriteAllText(Path.Combine(course, "01-only.quiz.md"), $"""
                ---
                passMark: 50
                shuffle: false
                ---

                ## pick {"{single}"}
                Question `{Payload("question")}` <script>window.xss='question'</script>

                - [x] Right answer
                  > Feedback `{Payload("feedback")}` <img alt="fb" src=x onerror="window.xss='feedback-raw'">
                - [ ] Wrong answer
                  > Wrong because.
                """);
            app.WithSetting("Content:Folder", folder);
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var organisation = await App.CreateUnitAsync("Border Police");
            var unit = await App.CreateUnitAsync("Unit " + Payload("unit"), organisation);
            UnitId = unit.Id;
            var learner = await App.CreateUserAsync(Payload("name"), Roles.Learner);
            (LearnerEmail, LearnerId) = (learner.Email!, learner.Id);
            await App.PlaceAsync(unit, learner.Id);
            var coordinator = await App.CreateUserAsync("Coordinator Hostile", Roles.Coordinator);
            CoordinatorEmail = coordinator.Email!;
            await App.CoordinateAsync(unit, CoordinatorEmail);
            AdminEmail = (await App.CreateUserAsync("Admin Hostile", Roles.Admin)).Email!;
            using (var scope = App.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, Course, default);
            }

            // The learner passes the quiz in the browser (which completes the only module, and the course).
            var page = await NewPageAsync();
            await LogInAsync(page, LearnerEmail);
            await page.GotoAsync($"/courses/{Course}/quizzes/only");
            if (await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).CountAsync() == 0)
            {
                throw new InvalidOperationException("No quiz to start: " + await page.InnerTextAsync("main"));
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
            await page.GetByLabel("Right answer").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit and see my result" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Your score: 100 %")).ToBeVisibleAsync();
            AttemptId = int.Parse(page.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
            await page.Context.CloseAsync();
            Certificate = App.WithDb(db => db.Certificates.Single(c => c.UserId == LearnerId).Code);

            // The coordinator imports a line whose given name is a formula and whose family name is markup.
            var import = await NewPageAsync();
            await LogInAsync(import, CoordinatorEmail);
            await import.GotoAsync("/people/import");
            static string Field(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var csv = "email,given_name,family_name,unit_path\r\n" + string.Join(',',
                Field("imported@example.org"), Field("=HYPERLINK(\"http://evil.example\",\"click\")"), Field(Payload("csv")), Field(organisation.Name + " / " + unit.Name)) + "\r\n";
            await import.GetByLabel("CSV file (at most 5 MB)").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await import.GetByLabel("Check only (dry run): report what would change, write nothing").UncheckAsync();
            await import.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
            await Assertions.Expect(import.GetByRole(AriaRole.Main)).ToContainTextAsync("1 new people created");
            await import.Context.CloseAsync();
            Assert.True(App.WithDb(db => db.Users.Any(u => u.Email == "imported@example.org")), "the import did not create the person");
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
