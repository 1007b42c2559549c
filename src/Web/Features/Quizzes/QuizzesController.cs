using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Training.Assessment.Attempts;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Quizzes;

/// <summary>
/// Taking a quiz. Works without JavaScript: each page posts its answers ("save and continue"); with it,
/// quiz.js also saves every answer as it is given through <see cref="Save"/>.
/// </summary>
[Authorize(Roles = Roles.Learner)]
public sealed class QuizzesController(AttemptService attempts, AttemptPages pages, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/courses/{course}/quizzes/{key}")]
    public async Task<IActionResult> Overview(string course, string key, CancellationToken cancellationToken)
    {
        var overview = await attempts.GetOverviewAsync(UserId, course, key, LearnerLanguage.Current, cancellationToken);
        return overview is null ? NotFound() : View(overview);
    }

    [HttpPost("/courses/{course}/quizzes/{key}/start")]
    public async Task<IActionResult> Start(string course, string key, CancellationToken cancellationToken)
    {
        var (outcome, attemptId) = await attempts.StartOrResumeAsync(UserId, course, key, LearnerLanguage.Current, cancellationToken);
        switch (outcome)
        {
            case StartOutcome.NoSuchQuiz:
                return NotFound();
            case StartOutcome.NotEnrolled:
                TempData["Status"] = localizer["Enrol in the course to take its quizzes."].Value;
                return RedirectToAction("Course", "Catalog", new { slug = course });
            case StartOutcome.NoAttemptsLeft:
                TempData["Status"] = localizer["You have used all your attempts at this quiz."].Value;
                return RedirectToAction(nameof(Overview), new { course, key });
            default:
                return RedirectToAction(nameof(Take), new { id = attemptId });
        }
    }

    [HttpGet("/attempts/{id:int}")]
    public async Task<IActionResult> Take(int id, int step = 1, CancellationToken cancellationToken = default)
    {
        var (attemptPage, submitted) = await pages.GetPageAsync(UserId, id, step, cancellationToken);
        if (submitted)
        {
            return RedirectToAction(nameof(Result), new { id });
        }
        return attemptPage is null ? NotFound() : View(attemptPage);
    }

    /// <summary>"Save and continue": saves the page's answers, then goes where the learner asked.</summary>
    /// <remarks>The page number is "step": "page" is a route value reserved by Razor Pages.</remarks>
    [HttpPost("/attempts/{id:int}")]
    public async Task<IActionResult> SavePage(int id, int step, string? go, CancellationToken cancellationToken)
    {
        var result = await SaveFormAsync(id, saveKey: null, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.AlreadySubmitted:
            case SaveOutcome.TimeUp:
                await attempts.SubmitAsync(UserId, id, cancellationToken);
                TempData["Status"] = localizer["Time was up: the attempt was graded with the answers saved in time."].Value;
                return RedirectToAction(nameof(Result), new { id });
            case SaveOutcome.UnknownQuestion:
                return BadRequestPage(result.QuestionId!);
        }
        return go switch
        {
            "previous" => RedirectToAction(nameof(Take), new { id, step = step - 1 }),
            "finish" => RedirectToAction(nameof(Finish), new { id }),
            { } other when other.StartsWith("page-", StringComparison.Ordinal) && int.TryParse(other[5..], out var target) =>
                RedirectToAction(nameof(Take), new { id, step = target }),
            _ => RedirectToAction(nameof(Take), new { id, step = step + 1 }),
        };
    }

    /// <summary>quiz.js saves one question at a time here. Answers only "saved" or why not; never answers.</summary>
    [HttpPost("/attempts/{id:int}/save")]
    public async Task<IActionResult> Save(int id, string? saveKey, CancellationToken cancellationToken)
    {
        var result = await SaveFormAsync(id, string.IsNullOrWhiteSpace(saveKey) ? null : saveKey, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => Json(new { saved = true }),
            SaveOutcome.NotFound => NotFound(new { error = localizer["This attempt does not exist."].Value }),
            SaveOutcome.UnknownQuestion => BadRequest(new { error = localizer["Question '{0}' is not part of this attempt. Reload the page.", result.QuestionId!].Value }),
            SaveOutcome.TimeUp => Conflict(new { error = localizer["Time is up: answers can no longer be saved."].Value, reason = "time-up" }),
            _ => Conflict(new { error = localizer["This attempt has been submitted already."].Value, reason = "submitted" }),
        };
    }

    [HttpGet("/attempts/{id:int}/finish")]
    public async Task<IActionResult> Finish(int id, CancellationToken cancellationToken)
    {
        var (attemptPage, submitted) = await pages.GetPageAsync(UserId, id, 1, cancellationToken);
        if (submitted)
        {
            return RedirectToAction(nameof(Result), new { id });
        }
        return attemptPage is null ? NotFound() : View(attemptPage);
    }

    /// <summary>Grades once, however often it is posted.</summary>
    [HttpPost("/attempts/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken) =>
        await attempts.SubmitAsync(UserId, id, cancellationToken) ? RedirectToAction(nameof(Result), new { id }) : NotFound();

    [HttpGet("/attempts/{id:int}/result")]
    public async Task<IActionResult> Result(int id, CancellationToken cancellationToken)
    {
        var result = await pages.GetResultAsync(UserId, id, cancellationToken);
        // Not submitted yet (or not this learner's): the attempt page says which.
        return result is null ? RedirectToAction(nameof(Take), new { id }) : View(result);
    }

    private async Task<SaveResult> SaveFormAsync(int id, string? saveKey, CancellationToken cancellationToken)
    {
        var shape = await pages.GetFormShapeAsync(UserId, id, cancellationToken);
        if (shape is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }
        var form = await Request.ReadFormAsync(cancellationToken);
        var answers = AnswerForm.Read(name => form[name].Select(v => v ?? "").ToList(), form["present"].Select(v => v ?? ""), shape.Value.Find);
        return await attempts.SaveAsync(UserId, id, answers, saveKey, cancellationToken);
    }

    private ObjectResult BadRequestPage(string questionId)
    {
        var problem = localizer["Question '{0}' is not part of this attempt. Go back to the quiz and reload the page.", questionId].Value;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest };
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
