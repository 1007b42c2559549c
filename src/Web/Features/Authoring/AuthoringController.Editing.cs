using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Training.Assessment.Attempts;
using Training.Courses.Authoring;
using Training.Web.Features.Accounts;

namespace Training.Web.Features.Authoring;

public sealed record EditViewModel(CourseEditorPage Page, string? Error = null, string? ModuleSlug = null, string? ModuleTitle = null,
    string? PublishNote = null, bool PublishMajor = false, IReadOnlyList<DraftProblem>? PublishProblems = null, ImageUpload? Image = null);

/// <summary>The editor: the text as the person typed it (never lost on a refusal), and when a save was refused, the other person's.</summary>
public sealed record EditorViewModel(FileEditor Editor, string Text, int Revision, SaveResult? Conflict = null);

public sealed record QuizPreviewViewModel(AuthoredCourse Course, string Path, QuizPreviewResult? Preview, IReadOnlyList<DraftProblem> Problems);

public sealed record HistoryViewModel(AuthoredCourse Course, IReadOnlyList<PublicationRow> Versions);

public sealed record CompareViewModel(CompareResult Result, bool SideBySide);

/// <summary>The course settings form: what course.yml holds, as fields.</summary>
public sealed class CourseSettingsForm
{
    /// <summary>Only when creating: the course's address, fixed afterwards.</summary>
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and hyphens only.")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Give the course a title.")]
    [StringLength(200)]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Say in a sentence or two what learners will be able to do.")]
    [StringLength(2000)]
    public string Summary { get; set; } = "";

    [Required(ErrorMessage = "Say who the course is for.")]
    public string Audience { get; set; } = "";

    public string? Topics { get; set; }

    [Required(ErrorMessage = "Give the course's language as a two-letter code, such as en.")]
    [RegularExpression("^[a-z]{2}$", ErrorMessage = "Give the course's language as a two-letter code, such as en.")]
    public string Language { get; set; } = "en";

    [Range(typeof(decimal), "0.1", "200", ErrorMessage = "Estimated hours: a number from 0.1 to 200.")]
    public decimal EstimatedHours { get; set; } = 1;

    [Range(0, 100, ErrorMessage = "Pass mark: a percentage from 0 to 100.")]
    public int PassMark { get; set; } = 70;

    [Range(0, 240, ErrorMessage = "Certificate validity: months from 0 (never expires) to 240.")]
    public int CertificateValidityMonths { get; set; } = 24;

    public CourseSettings ToSettings() => new(Title, Summary, Split(Audience), Split(Topics), Language, EstimatedHours, PassMark, CertificateValidityMonths);

    public static CourseSettingsForm From(CourseSettings settings, string? slug = null) => new()
    {
        Slug = slug, Title = settings.Title, Summary = settings.Summary, Audience = string.Join(", ", settings.Audience), Topics = string.Join(", ", settings.Topics),
        Language = settings.Language, EstimatedHours = settings.EstimatedHours, PassMark = settings.PassMark, CertificateValidityMonths = settings.CertificateValidityMonths,
    };

    private static List<string> Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

public sealed record SettingsViewModel(string? CourseSlug, string? CourseTitle, CourseSettingsForm Form, IReadOnlyList<DraftProblem>? Problems = null, string? Error = null);

public sealed partial class AuthoringController
{
    [HttpGet("/teach/courses/{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken) =>
        await authoring.OverviewAsync(await currentActor.GetAsync(cancellationToken), slug, cancellationToken) is { } page ? View(new EditViewModel(page)) : NotFound();

    [HttpGet("/teach/courses/{slug}/edit/file")]
    public async Task<IActionResult> EditFile(string slug, string path, CancellationToken cancellationToken) =>
        await authoring.OpenAsync(await currentActor.GetAsync(cancellationToken), slug, path ?? "", cancellationToken) is { } editor
            ? View("Editor", new EditorViewModel(editor, editor.Text, editor.Revision)) : NotFound();

    /// <summary>
    /// Saves the file (or, with intent=preview, only shows its preview: the page without JavaScript). editor.js
    /// posts here too, asking for JSON: the new revision, or 409 with the other person's text.
    /// </summary>
    [HttpPost("/teach/courses/{slug}/edit/file")]
    public async Task<IActionResult> SaveFile(string slug, string path, string? text, int revision, string? baseHash, string? intent, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        text ??= "";
        path ??= "";
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.Ordinal) == true);
        if (intent == "preview")
        {
            var opened = await authoring.OpenAsync(actor, slug, path, cancellationToken);
            var preview = await authoring.PreviewAsync(actor, slug, path, text, cancellationToken);
            return opened is null || preview is null ? NotFound() : View("Editor", new EditorViewModel(opened with { Preview = preview, BaseHash = baseHash ?? opened.BaseHash }, text, revision));
        }
        var result = await authoring.SaveAsync(actor, slug, path, text, revision, baseHash, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved when wantsJson:
                return Json(new { saved = true, revision = result.Revision, message = localizer["Draft saved at {0}.", time.Moment(clock.GetUtcNow().UtcDateTime)].Value });
            case SaveOutcome.Saved:
                TempData["Status"] = localizer["Draft saved. Learners see the course as last published until you publish it."].Value;
                return Redirect($"/teach/courses/{slug}/edit/file?path={Uri.EscapeDataString(path)}");
            case SaveOutcome.Conflict:
                var message = localizer["{0} saved this file at {1}, after you opened it. Your text was not saved: it is still in the editor. Their text is shown below; copy what you need, then save again.",
                    result.TheirName ?? "", result.TheirTime is { } at ? time.Moment(at) : ""].Value;
                if (wantsJson)
                {
                    return StatusCode(StatusCodes.Status409Conflict, new { saved = false, revision = result.Revision, theirText = result.TheirText, message });
                }
                var current = await authoring.OpenAsync(actor, slug, path, cancellationToken);
                var typed = current is null ? null : await authoring.PreviewAsync(actor, slug, path, text, cancellationToken);
                if (current is null || typed is null)
                {
                    return NotFound();
                }
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Editor", new EditorViewModel(current with { Preview = typed }, text, result.Revision, result));
            case SaveOutcome.NotEditable:
                return BadRequest();
            default:
                return NotFound();
        }
    }

    /// <summary>The live preview editor.js asks for as the trainer types: the preview's HTML (problems, sanitised module or quiz) for the text. Nothing is saved.</summary>
    [HttpPost("/teach/courses/{slug}/edit/preview")]
    public async Task<IActionResult> Preview(string slug, string path, string? text, CancellationToken cancellationToken) =>
        await authoring.PreviewAsync(await currentActor.GetAsync(cancellationToken), slug, path ?? "", text ?? "", cancellationToken) is { } preview
            ? PartialView("_PreviewBody", preview) : NotFound();

    [HttpGet("/teach/courses/{slug}/draft-media/{**path}")]
    public async Task<IActionResult> DraftMedia(string slug, string path, CancellationToken cancellationToken)
    {
        if (!Modules.ModulesController.MediaExtensions.Contains(Path.GetExtension(path))
            || await authoring.DraftMediaAsync(await currentActor.GetAsync(cancellationToken), slug, path, cancellationToken) is not { } content)
        {
            return NotFound();
        }
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        Modules.ModulesController.ContentTypes.TryGetContentType(path, out var contentType);
        return File(content, contentType ?? "application/octet-stream");
    }

    [HttpPost("/teach/courses/{slug}/edit/modules")]
    public async Task<IActionResult> AddModule(string slug, string? moduleSlug, string? moduleTitle, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var outcome = await authoring.AddModuleAsync(actor, slug, moduleSlug ?? "", moduleTitle ?? "", cancellationToken);
        if (outcome == ChangeOutcome.Invalid && await authoring.OverviewAsync(actor, slug, cancellationToken) is { } page)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Edit), new EditViewModel(page, localizer["Give the module a title and an address (lower-case letters, digits and hyphens) that no other module of the course has."], moduleSlug, moduleTitle));
        }
        return Changed(slug, outcome, localizer["Module added to the draft."]);
    }

    [HttpPost("/teach/courses/{slug}/edit/modules/{module}/move")]
    public async Task<IActionResult> MoveModule(string slug, string module, string? direction, CancellationToken cancellationToken) =>
        Changed(slug, await authoring.MoveModuleAsync(await currentActor.GetAsync(cancellationToken), slug, module, direction == "up", cancellationToken), localizer["Module moved in the draft."]);

    [HttpPost("/teach/courses/{slug}/edit/modules/{module}/remove")]
    public async Task<IActionResult> RemoveModule(string slug, string module, CancellationToken cancellationToken) =>
        Changed(slug, await authoring.RemoveModuleAsync(await currentActor.GetAsync(cancellationToken), slug, module, cancellationToken), localizer["Module removed from the draft. Learners' completions of it stay on record."]);

    [HttpPost("/teach/courses/{slug}/edit/images")]
    [RequestSizeLimit(CourseAuthoring.MaxImageBytes + 64 * 1024)]
    public async Task<IActionResult> UploadImage(string slug, IFormFile? file, string? alt, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        byte[] content = [];
        if (file is not null && file.Length <= CourseAuthoring.MaxImageBytes)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, cancellationToken);
            content = copy.ToArray();
        }
        else if (file is not null)
        {
            content = new byte[CourseAuthoring.MaxImageBytes + 1]; // refused as too large without reading it
        }
        var upload = await authoring.UploadImageAsync(actor, slug, file?.FileName ?? "", content, alt, cancellationToken);
        if (upload.Outcome is ChangeOutcome.NotFound or ChangeOutcome.NotEditable || await authoring.OverviewAsync(actor, slug, cancellationToken) is not { } page)
        {
            return upload.Outcome == ChangeOutcome.NotEditable ? BadRequest() : NotFound();
        }
        if (upload.Outcome != ChangeOutcome.Done)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var error = upload.Refusal switch
            {
                "alt" => localizer["Describe the image for people who cannot see it: alt text is required."],
                "size" => localizer["Choose an image file of at most {0} MB.", CourseAuthoring.MaxImageBytes / 1024 / 1024],
                _ => localizer["Only PNG, JPEG, GIF and WebP images can be uploaded (the file's content is checked, not its name)."],
            };
            return View(nameof(Edit), new EditViewModel(page, error) { });
        }
        return View(nameof(Edit), new EditViewModel(page, Image: upload));
    }

    [HttpGet("/teach/courses/{slug}/edit/settings")]
    public async Task<IActionResult> Settings(string slug, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        return await authoring.FindAsync(actor, slug, cancellationToken) is { } course && await authoring.SettingsAsync(actor, slug, cancellationToken) is { } settings
            ? View(new SettingsViewModel(course.Slug, course.Title, CourseSettingsForm.From(settings))) : NotFound();
    }

    [HttpPost("/teach/courses/{slug}/edit/settings")]
    public async Task<IActionResult> SaveSettings(string slug, CourseSettingsForm form, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        if (await authoring.FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Settings), new SettingsViewModel(course.Slug, course.Title, form));
        }
        return Changed(slug, await authoring.SaveSettingsAsync(actor, slug, form.ToSettings(), cancellationToken), localizer["Settings saved to the draft."]);
    }

    [HttpGet("/teach/courses/new")]
    public IActionResult NewCourse() => View("Settings", new SettingsViewModel(null, null, new CourseSettingsForm()));

    [HttpPost("/teach/courses/new")]
    public async Task<IActionResult> CreateCourse(CourseSettingsForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Slug))
        {
            ModelState.AddModelError(nameof(form.Slug), localizer["Give the course an address."]);
        }
        if (ModelState.IsValid)
        {
            var (outcome, problems) = await authoring.CreateAsync(await currentActor.GetAsync(cancellationToken), form.Slug!, form.ToSettings(), cancellationToken);
            if (outcome == ChangeOutcome.Done)
            {
                TempData["Status"] = localizer["The course is created. Learners do not see it until you publish it."].Value;
                return Redirect($"/teach/courses/{form.Slug!.Trim().ToLowerInvariant()}/edit");
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Settings", new SettingsViewModel(null, null, form, problems,
                outcome == ChangeOutcome.Taken ? localizer["Another course already has this address: choose another."] : localizer["The course could not be created. Fix these problems and try again:"]));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Settings", new SettingsViewModel(null, null, form));
    }

    [HttpPost("/teach/courses/{slug}/publish")]
    public async Task<IActionResult> Publish(string slug, string? change, string? note, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var major = change == "major";
        var result = await authoring.PublishAsync(actor, slug, major, note, cancellationToken);
        if (result.Published)
        {
            TempData["Status"] = localizer["Version {0} is published: learners see it now.", result.Number!.Value].Value;
            return Redirect($"/teach/courses/{slug}/edit");
        }
        if (result.Refusal == "not-found" || await authoring.OverviewAsync(actor, slug, cancellationToken) is not { } page)
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        var error = result.Refusal switch
        {
            "note" => localizer["Say in a note what changed and why: it is kept with the version."],
            "nothing" => localizer["The draft has no changes to publish."],
            "not-editable" => localizer["This course comes from the course content folder: an admin must take it over before it is edited here."],
            "conflict" => localizer["Someone changed the draft while you published: nothing was published. Check the draft and publish again."],
            _ => localizer["Not published: the course has problems. Fix them and publish again:"],
        };
        return View(nameof(Edit), new EditViewModel(page, error, PublishNote: note, PublishMajor: major, PublishProblems: result.Problems));
    }

    [HttpPost("/teach/courses/{slug}/discard")]
    public async Task<IActionResult> Discard(string slug, CancellationToken cancellationToken) =>
        Changed(slug, await authoring.DiscardAsync(await currentActor.GetAsync(cancellationToken), slug, cancellationToken), localizer["The draft is discarded: the course is as last published."]);

    [HttpGet("/teach/courses/{slug}/history")]
    public async Task<IActionResult> History(string slug, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        return await authoring.FindAsync(actor, slug, cancellationToken) is { } course && await authoring.HistoryAsync(actor, slug, cancellationToken) is { } versions
            ? View(new HistoryViewModel(course, versions)) : NotFound();
    }

    /// <param name="to">0: the draft.</param>
    [HttpGet("/teach/courses/{slug}/compare")]
    public async Task<IActionResult> Compare(string slug, int from, int to, string? view, CancellationToken cancellationToken) =>
        await authoring.CompareAsync(await currentActor.GetAsync(cancellationToken), slug, from, to, cancellationToken) is { } result
            ? View(new CompareViewModel(result, view == "side")) : NotFound();

    [HttpPost("/teach/courses/{slug}/history/{number:int}/restore")]
    public async Task<IActionResult> Restore(string slug, int number, CancellationToken cancellationToken) =>
        Changed(slug, await authoring.RestoreAsync(await currentActor.GetAsync(cancellationToken), slug, number, cancellationToken),
            localizer["Version {0} is now the draft. Learners see the course as last published until you publish it.", number]);

    [HttpGet("/teach/courses/{slug}/quiz-preview")]
    public Task<IActionResult> QuizPreview(string slug, string path, CancellationToken cancellationToken) => QuizPreviewAsync(slug, path, null, cancellationToken);

    /// <summary>The quiz answered as a learner would: graded in memory and shown with the learner's review. Nothing is recorded.</summary>
    [HttpPost("/teach/courses/{slug}/quiz-preview")]
    public Task<IActionResult> QuizPreviewAnswers(string slug, string path, CancellationToken cancellationToken) =>
        QuizPreviewAsync(slug, path, name => Request.Form[name].Select(v => v ?? "").ToList(), cancellationToken);

    [HttpPost("/teach/courses/{slug}/convert")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Convert(string slug, CancellationToken cancellationToken) =>
        Changed(slug, await authoring.ConvertAsync(await currentActor.GetAsync(cancellationToken), slug, cancellationToken),
            localizer["The site keeps this course from now on: its folder in the course content folder is no longer imported."]);

    [HttpPost("/teach/courses/{slug}/trainers")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Grant(string slug, string? email, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var outcome = await authoring.GrantAsync(actor, slug, email ?? "", cancellationToken);
        if (outcome == ChangeOutcome.Invalid && await authoring.OverviewAsync(actor, slug, cancellationToken) is { } page)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Edit), new EditViewModel(page, localizer["No trainer has this e-mail address. Give the person the trainer role first."]));
        }
        return Changed(slug, outcome, localizer["The trainer may now author this course."]);
    }

    [HttpPost("/teach/courses/{slug}/trainers/{userId}/remove")]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Revoke(string slug, string userId, CancellationToken cancellationToken) =>
        Changed(slug, await authoring.RevokeAsync(await currentActor.GetAsync(cancellationToken), slug, userId, cancellationToken), localizer["The trainer no longer authors this course."]);

    private async Task<IActionResult> QuizPreviewAsync(string slug, string path, Func<string, IReadOnlyList<string>>? field, CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        if (await authoring.FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return NotFound();
        }
        var (preview, problems) = await authoring.QuizPreviewAsync(actor, slug, path ?? "", field, cancellationToken);
        return preview is null && problems.Count == 0 ? NotFound() : View("QuizPreview", new QuizPreviewViewModel(course, path!, preview, problems));
    }

    /// <summary>After a change to the draft: back to the course's page with what happened, or the status the outcome means.</summary>
    private IActionResult Changed(string slug, ChangeOutcome outcome, string done)
    {
        switch (outcome)
        {
            case ChangeOutcome.Done:
                TempData["Status"] = done;
                return Redirect($"/teach/courses/{slug}/edit");
            case ChangeOutcome.Taken:
                TempData["Status"] = localizer["Someone changed the draft at the same moment: nothing was changed. Check the draft and try again."].Value;
                return Redirect($"/teach/courses/{slug}/edit");
            case ChangeOutcome.NotEditable:
            case ChangeOutcome.Invalid:
                return BadRequest();
            default:
                return NotFound();
        }
    }
}
