using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.Authoring;
using Training.Courses.Content;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Content;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Authoring;

/// <summary>
/// Authoring in the browser, by HTTP as a browser without JavaScript (and editor.js's JSON saves): drafts that
/// learners never see, publication refused while the content has problems, minor and major versions with their
/// notes, comparison and restore, the concurrent-save conflict, quiz preview that records nothing, who may author
/// what, and uploads checked by content.
/// </summary>
public sealed class CourseAuthoringTests : IDisposable
{
    private const string Slug = "authoring-check";
    private const string ModuleFile = "01-introduction.md";

    private readonly TrainingAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_new_course_is_hidden_until_published_publication_refuses_problems_with_their_lines_and_learners_never_see_a_draft()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        var learner = await app.LoggedInClientAsync((await app.CreateUserAsync("Lea Learner", Roles.Learner)).Email!);
        await CreateCourseAsync(admin);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/courses/{Slug}")).StatusCode);

        // An unknown glossary term and front matter without a title: refused, each problem with its file and line.
        await SaveAsync(admin, ModuleFile, "---\nestimatedMinutes: 5\n---\n\nSee [[no such term]].\n");
        var refused = await PublishAsync(admin, major: false, "First try");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Not published: the course has problems.", page, StringComparison.Ordinal);
        Assert.Contains($"{ModuleFile}:1", page, StringComparison.Ordinal);
        Assert.Contains($"{ModuleFile}:5", page, StringComparison.Ordinal);
        Assert.Contains("First try", page, StringComparison.Ordinal); // the note typed is kept
        Assert.False(app.WithDb(db => db.Courses.Single(c => c.Slug == Slug).IsPublished));

        await SaveAsync(admin, ModuleFile, Module("Published words for every learner."));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, major: false, "First version")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.PostFormAsync($"/courses/{Slug}", [], $"/courses/{Slug}/enrol")).StatusCode);
        var published = await learner.GetStringAsync($"/courses/{Slug}/modules/introduction");
        Assert.Contains("Published words for every learner.", published, StringComparison.Ordinal);

        // A draft after publication: saved, previewed by its author, never shown to a learner.
        await SaveAsync(admin, ModuleFile, Module("Draft words nobody may read yet."));
        var editor = await admin.GetStringAsync($"/teach/courses/{Slug}/edit/file?path={ModuleFile}");
        Assert.Contains("Draft words nobody may read yet.", editor, StringComparison.Ordinal);
        foreach (var url in new[] { $"/courses/{Slug}/modules/introduction", $"/courses/{Slug}/modules/introduction/print", $"/courses/{Slug}" })
        {
            var seen = await learner.GetStringAsync(url);
            Assert.DoesNotContain("Draft words nobody may read yet.", seen, StringComparison.Ordinal);
        }
        Assert.Contains("Published words for every learner.", await learner.GetStringAsync($"/courses/{Slug}/modules/introduction"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.GetAsync($"/teach/courses/{Slug}/edit/file?path={ModuleFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.GetAsync($"/teach/courses/{Slug}/draft-media/images/x.png")).StatusCode);
    }

    [Fact]
    public async Task A_major_change_is_a_new_version_with_author_and_note_compared_inline_and_side_by_side_and_an_old_version_restores_as_a_draft()
    {
        var adminUser = await app.CreateUserAsync("Ada Admin", Roles.Admin);
        var admin = await app.LoggedInClientAsync(adminUser.Email!);
        await CreateCourseAsync(admin);
        await SaveAsync(admin, ModuleFile, Module("The first wording."));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, major: false, "First version")).StatusCode);
        await SaveAsync(admin, ModuleFile, Module("The second wording, after the law changed."));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, major: true, "The law changed in 2026")).StatusCode);

        var course = app.WithDb(db => db.Courses.Single(c => c.Slug == Slug));
        Assert.Equal(2, course.MajorVersion);
        var versions = app.WithDb(db => db.CoursePublications.Where(p => p.CourseId == course.Id).OrderBy(p => p.Number).ToList());
        Assert.Equal([PublicationKind.Created, PublicationKind.Minor, PublicationKind.Major], versions.Select(v => v.Kind));
        Assert.Equal("The law changed in 2026", versions[2].Note);
        Assert.Equal(adminUser.Email, versions[2].AuthorName);
        Assert.Equal(2, versions[2].MajorVersion);
        Assert.Empty(app.WithDb(db => db.CourseDraftFiles.Where(f => f.CourseId == course.Id).ToList()));
        var audit = app.WithDb(db => db.AuditEntries.Where(e => e.Action == AuditActions.CoursePublished && e.TargetId == Slug).Select(e => e.Detail).ToList());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, d => d.Contains("major", StringComparison.Ordinal) && d.Contains("The law changed in 2026", StringComparison.Ordinal));

        var history = await admin.GetStringAsync($"/teach/courses/{Slug}/history");
        Assert.Contains("The law changed in 2026", history, StringComparison.Ordinal);
        var inline = await admin.GetStringAsync($"/teach/courses/{Slug}/compare?from=2&to=3");
        Assert.Contains("diff-deleted", inline, StringComparison.Ordinal);
        Assert.Contains("diff-inserted", inline, StringComparison.Ordinal);
        Assert.Contains("The second wording, after the law changed.", inline, StringComparison.Ordinal);
        Assert.Contains("majorVersion: 2", inline, StringComparison.Ordinal);
        var side = await admin.GetStringAsync($"/teach/courses/{Slug}/compare?from=2&to=3&view=side");
        Assert.Contains("diff--side", side, StringComparison.Ordinal);
        Assert.Contains("The first wording.", side, StringComparison.Ordinal);

        // Version 2 back as the draft: the published course is unchanged until the draft is published.
        var restore = await admin.PostFormAsync($"/teach/courses/{Slug}/history", [], $"/teach/courses/{Slug}/history/2/restore");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Contains("The first wording.", await admin.GetStringAsync($"/teach/courses/{Slug}/edit/file?path={ModuleFile}"), StringComparison.Ordinal);
        Assert.Contains("The second wording", app.WithDb(db => db.ModuleVersions.Where(v => v.Id == db.Modules.Single(m => m.CourseId == course.Id).CurrentVersionId).Select(v => v.Html).Single()), StringComparison.Ordinal);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.CourseRestored && e.TargetId == Slug)));
        var draftDiff = await admin.GetStringAsync($"/teach/courses/{Slug}/compare?from=3&to=0");
        Assert.Contains("The first wording.", draftDiff, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/teach/courses/{Slug}/compare?from=1&to=9")).StatusCode);
    }

    [Fact]
    public async Task A_save_from_an_older_revision_is_refused_and_the_other_trainers_text_is_kept_and_shown()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        await CreateCourseAsync(admin);
        var first = await GrantedTrainerAsync(admin, "Fatima First");
        var second = await GrantedTrainerAsync(admin, "Sam Second");

        // Both open the published file; the first saves; the second's save, from the same starting point, is refused.
        var firstForm = EditorFields(await first.GetStringAsync($"/teach/courses/{Slug}/edit/file?path={ModuleFile}"));
        var secondForm = EditorFields(await second.GetStringAsync($"/teach/courses/{Slug}/edit/file?path={ModuleFile}"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditorAsync(first, firstForm, Module("Fatima's careful wording."))).StatusCode);
        var refused = await PostEditorAsync(second, secondForm, Module("Sam's quick rewrite."));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("saved this file at", page, StringComparison.Ordinal);
        Assert.Contains("Fatima's careful wording.", page, StringComparison.Ordinal); // theirs, shown
        Assert.Contains("Sam's quick rewrite.", page, StringComparison.Ordinal);      // his own, still in the editor
        Assert.Contains("Fatima's careful wording.", DraftText());

        // editor.js's autosave gets the same answer as JSON, with the revision to name to save over it on purpose.
        var json = await PostEditorAsync(second, secondForm, Module("Sam's autosaved rewrite."), asJson: true);
        Assert.Equal(HttpStatusCode.Conflict, json.StatusCode);
        using var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Contains("Fatima's careful wording.", answer.RootElement.GetProperty("theirText").GetString(), StringComparison.Ordinal);
        var revision = answer.RootElement.GetProperty("revision").GetInt32();
        Assert.Equal(1, revision);
        Assert.Contains("Fatima's careful wording.", DraftText());

        // Having read it, Sam saves over it deliberately, naming the revision he saw; the next stale save is refused again.
        var deliberate = await PostEditorAsync(second, secondForm with { Revision = revision }, Module("Sam's merged wording."), asJson: true);
        Assert.Equal(HttpStatusCode.OK, deliberate.StatusCode);
        Assert.Contains("Sam's merged wording.", DraftText());
        Assert.Equal(HttpStatusCode.Conflict, (await PostEditorAsync(first, firstForm with { Revision = 1 }, Module("Fatima again."))).StatusCode);
        Assert.Contains("Sam's merged wording.", DraftText());
    }

    [Fact]
    public async Task A_quiz_previewed_and_answered_by_its_trainer_is_graded_and_recorded_nowhere()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        const string course = "spotting-trafficking";
        const string quiz = "01-women-on-the-move.quiz.md";
        int[] Records() => app.WithDb(db => new[]
        {
            db.QuizAttempts.Count(), db.AttemptAnswers.Count(), db.ModuleCompletions.Count(), db.CourseCompletions.Count(),
            db.Enrolments.Count(), db.Certificates.Count(), db.AuditEntries.Count(e => e.Action != AuditActions.SignInSucceeded),
        });
        var before = Records();

        var form = await admin.GetStringAsync($"/teach/courses/{course}/quiz-preview?path={quiz}");
        Assert.Contains("recorded nowhere", form, StringComparison.Ordinal);
        Assert.Contains("Answer and feedback", form, StringComparison.Ordinal); // the key, with every option's feedback
        Assert.Contains("name=\"present\"", form, StringComparison.Ordinal);    // the learner's answer form

        // Every choice question answered with its first option, the rest left empty: graded in memory.
        var fields = new List<KeyValuePair<string, string>>();
        foreach (System.Text.RegularExpressions.Match present in System.Text.RegularExpressions.Regex.Matches(form, "name=\"present\" value=\"([^\"]+)\""))
        {
            var id = present.Groups[1].Value;
            fields.Add(new("present", id));
            var option = System.Text.RegularExpressions.Regex.Match(form, $"name=\"q-{System.Text.RegularExpressions.Regex.Escape(id)}\" value=\"([^\"]+)\"");
            if (option.Success)
            {
                fields.Add(new($"q-{id}", option.Groups[1].Value));
            }
        }
        Assert.NotEmpty(fields);
        var graded = await admin.PostFormAsync($"/teach/courses/{course}/quiz-preview?path={quiz}", fields);
        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        var result = await graded.Content.ReadAsStringAsync();
        Assert.Matches("Score: [0-9.,]+ %", result);
        Assert.Contains("Your answer:", result, StringComparison.Ordinal);
        Assert.Contains("Correct answer:", result, StringComparison.Ordinal);

        Assert.Equal(before, Records());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/teach/courses/{course}/quiz-preview?path=../../appsettings.json")).StatusCode);
    }

    [Fact]
    public async Task Trainers_author_only_the_courses_an_admin_gave_them_and_the_grant_is_audited()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        await CreateCourseAsync(admin);
        var trainerUser = await app.CreateUserAsync("Tom Trainer", Roles.Trainer);
        var trainer = await app.LoggedInClientAsync(trainerUser.Email!);
        var coordinator = await app.LoggedInClientAsync((await app.CreateUserAsync("Cora Coordinator", Roles.Coordinator)).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/teach/courses/{Slug}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/teach/courses/{Slug}/edit/file?path={ModuleFile}")).StatusCode);
        var token = FormPoster.TokenIn(await trainer.GetStringAsync("/teach/courses"));
        var save = await trainer.PostAsync($"/teach/courses/{Slug}/edit/file", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["path"] = ModuleFile, ["text"] = "taken over", ["revision"] = "0", ["intent"] = "save",
        }));
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.DoesNotContain("taken over", DraftText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.GetAsync($"/teach/courses/{Slug}/edit")).StatusCode); // to /error/403
        // Only admins give courses.
        var grantByTrainer = await trainer.PostAsync($"/teach/courses/{Slug}/trainers", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = trainerUser.Email!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, grantByTrainer.StatusCode);
        Assert.Contains("/error/403", grantByTrainer.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var granted = await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [new("email", trainerUser.Email!)], $"/teach/courses/{Slug}/trainers");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync($"/teach/courses/{Slug}/edit")).StatusCode);
        Assert.Contains($"/teach/courses/{Slug}/edit", await trainer.GetStringAsync("/teach/courses"), StringComparison.Ordinal);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.CourseTrainerAdded && e.TargetId == Slug && e.Detail == trainerUser.Email)));

        // A learner's e-mail is not a trainer's: refused with a message, nothing granted.
        var learner = await app.CreateUserAsync("Lea Learner", Roles.Learner);
        var refused = await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [new("email", learner.Email!)], $"/teach/courses/{Slug}/trainers");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(app.WithDb(db => db.CourseTrainers.Any(t => t.UserId == learner.Id)));

        var revoked = await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [], $"/teach/courses/{Slug}/trainers/{trainerUser.Id}/remove");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/teach/courses/{Slug}/edit")).StatusCode);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.CourseTrainerRemoved && e.TargetId == Slug)));
    }

    [Fact]
    public async Task A_course_from_the_content_folder_is_edited_only_once_an_admin_takes_it_over_and_the_start_up_import_then_leaves_it_alone()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        var fields = EditorFields(await admin.GetStringAsync("/teach/courses/welcome/edit/file?path=01-how-these-courses-work.md"));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostEditorAsync(admin, fields, "changed", path: "01-how-these-courses-work.md", course: "welcome")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/teach/courses/welcome/edit", [], "/teach/courses/welcome/convert")).StatusCode);
        Assert.Equal(CourseManagement.Site, app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").ManagedBy));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.CourseConverted && e.TargetId == "welcome")));
        var text = app.WithDb(db => Encoding.UTF8.GetString(db.CourseSourceFiles.Single(f => f.Path == "01-how-these-courses-work.md" && db.Courses.Any(c => c.Id == f.CourseId && c.Slug == "welcome")).Content));
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditorAsync(admin, fields, text + "\nA sentence added on the site.\n", path: "01-how-these-courses-work.md", course: "welcome")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/teach/courses/welcome/edit", [new("change", "minor"), new("note", "A sentence added")], "/teach/courses/welcome/publish")).StatusCode);

        await app.Services.ImportContentAsync(default);
        var html = app.WithDb(db => db.Modules.Where(m => m.Slug == "how-these-courses-work").Select(m => m.CurrentVersion!.Html).Single());
        Assert.Contains("A sentence added on the site.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modules_are_added_moved_and_removed_in_the_draft_and_an_image_is_accepted_only_by_its_content_with_alt_text()
    {
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);
        await CreateCourseAsync(admin);
        var added = await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [new("moduleTitle", "Next steps"), new("moduleSlug", "next-steps")], $"/teach/courses/{Slug}/edit/modules");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["02-next-steps.md"], DraftPaths().Where(p => p.Content).Select(p => p.Path));
        var taken = await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [new("moduleTitle", "Again"), new("moduleSlug", "next-steps")], $"/teach/courses/{Slug}/edit/modules");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("value=\"Again\"", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal); // what was typed is kept

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [new("direction", "up")], $"/teach/courses/{Slug}/edit/modules/next-steps/move")).StatusCode);
        var overview = await admin.GetStringAsync($"/teach/courses/{Slug}/edit");
        Assert.True(overview.IndexOf("01-next-steps.md", StringComparison.Ordinal) < overview.IndexOf("02-introduction.md", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [], $"/teach/courses/{Slug}/edit/modules/introduction/remove")).StatusCode);
        Assert.Equal(["01-next-steps.md"], DraftPaths().Where(p => p.Content && p.Path.EndsWith(".md", StringComparison.Ordinal)).Select(p => p.Path));

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, "Map of Routes.png", png, "A map of the routes")).StatusCode);
        Assert.Contains(DraftPaths(), p => p.Path == "images/map-of-routes.png" && p.Content);
        var served = await admin.GetAsync($"/teach/courses/{Slug}/draft-media/images/map-of-routes.png");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var script = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        var disguised = await UploadAsync(admin, "photo.png", script, "A photo");
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("the file&#x27;s content is checked", await disguised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(admin, "map.png", png, " ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(admin, "huge.png", [.. png, .. new byte[Training.Web.Features.Authoring.CourseAuthoring.MaxImageBytes]], "Huge")).StatusCode);
        Assert.DoesNotContain(DraftPaths(), p => p.Path is "images/photo.png" or "images/map.png" or "images/huge.png");
    }

    private async Task CreateCourseAsync(HttpClient admin)
    {
        var created = await admin.PostFormAsync("/teach/courses/new", new Dictionary<string, string>
        {
            ["Slug"] = Slug, ["Title"] = "Authoring: a check", ["Summary"] = "Learners check the authoring pages.", ["Audience"] = "trainers, \"quoted\" people",
            ["Topics"] = "authoring", ["Language"] = "en", ["EstimatedHours"] = "1", ["PassMark"] = "70", ["CertificateValidityMonths"] = "24",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/teach/courses/{Slug}/edit", created.Headers.Location!.OriginalString);
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.CourseCreated && e.TargetId == Slug)));
    }

    private async Task<HttpClient> GrantedTrainerAsync(HttpClient admin, string name)
    {
        var trainer = await app.CreateUserAsync(name, Roles.Trainer);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/teach/courses/{Slug}/edit", [new("email", trainer.Email!)], $"/teach/courses/{Slug}/trainers")).StatusCode);
        return await app.LoggedInClientAsync(trainer.Email!);
    }

    private static string Module(string body) =>
        $"---\ntitle: \"Introduction\"\nestimatedMinutes: 5\nobjectives:\n  - Read the introduction.\nsources: []\n---\n\n{body}\n";

    private sealed record EditorForm(string Token, int Revision, string BaseHash);

    private static EditorForm EditorFields(string page) => new(
        FormPoster.TokenIn(page),
        int.Parse(System.Text.RegularExpressions.Regex.Match(page, "name=\"revision\" value=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
        System.Text.RegularExpressions.Regex.Match(page, "name=\"baseHash\" value=\"([^\"]*)\"").Groups[1].Value);

    private static async Task<HttpResponseMessage> PostEditorAsync(HttpClient client, EditorForm form, string text, bool asJson = false, string path = ModuleFile, string course = Slug)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/teach/courses/{course}/edit/file")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.Token, ["path"] = path, ["text"] = text,
                ["revision"] = form.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["baseHash"] = form.BaseHash, ["intent"] = "save",
            }),
        };
        if (asJson)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }
        return await client.SendAsync(request);
    }

    /// <summary>Opens the file in the editor and saves the text as a browser without JavaScript would.</summary>
    private static async Task SaveAsync(HttpClient client, string path, string text)
    {
        var form = EditorFields(await client.GetStringAsync($"/teach/courses/{Slug}/edit/file?path={path}"));
        var saved = await PostEditorAsync(client, form, text, path: path);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, bool major, string note) =>
        client.PostFormAsync($"/teach/courses/{Slug}/edit", [new("change", major ? "major" : "minor"), new("note", note)], $"/teach/courses/{Slug}/publish");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] content, string alt)
    {
        var token = FormPoster.TokenIn(await client.GetStringAsync($"/teach/courses/{Slug}/edit"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(alt), "alt" },
            { new ByteArrayContent(content), "file", name },
        };
        return await client.PostAsync($"/teach/courses/{Slug}/edit/images", form);
    }

    private string DraftText() => app.WithDb(db => db.CourseDraftFiles.Where(f => f.Path == ModuleFile && db.Courses.Any(c => c.Id == f.CourseId && c.Slug == Slug))
        .Select(f => f.Content).SingleOrDefault() is { } content ? Encoding.UTF8.GetString(content) : "");

    private List<(string Path, bool Content)> DraftPaths() => app.WithDb(db => db.CourseDraftFiles.Where(f => db.Courses.Any(c => c.Id == f.CourseId && c.Slug == Slug))
        .Select(f => new { f.Path, HasContent = f.Content != null }).ToList().Select(f => (f.Path, f.HasContent)).ToList());
}
