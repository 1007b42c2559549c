using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Training.Assessment.Grading;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

/// <summary>Builds what an attempt page and a results page show, from the attempt's layout and answers.</summary>
public sealed class AttemptPages(IAssessmentDbContext db, QuizDefinitionStore store, AttemptService attempts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Loaded(QuizAttempt Attempt, QuizDefinition Definition, AttemptLayout Layout, string CourseSlug, string CourseTitle, string Key, string Title, int CourseId, int? ModuleId);

    /// <summary>
    /// One page (one question or one scenario) of an attempt in progress. Null when it is not this
    /// learner's; a submitted or timed-out attempt comes back with <c>Submitted</c> true instead.
    /// </summary>
    public async Task<(AttemptPage? Page, bool Submitted)> GetPageAsync(string userId, int attemptId, int page, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(userId, attemptId, cancellationToken);
        if (loaded is null)
        {
            return (null, false);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (loaded.Attempt.Status == AttemptStatus.InProgress && AttemptRules.IsPastDeadline(loaded.Attempt.DeadlineAt, now))
        {
            await attempts.SubmitAsync(userId, attemptId, cancellationToken);
            return (null, true);
        }
        if (loaded.Attempt.Status == AttemptStatus.Submitted)
        {
            return (null, true);
        }

        var saved = await attempts.LoadAnswersAsync(attemptId, null, cancellationToken);
        var questions = loaded.Definition.AllQuestions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var items = loaded.Layout.Items;
        var index = Math.Clamp(page, 1, Math.Max(1, items.Count)) - 1;
        var numberBefore = items.Take(index).Sum(i => i.Questions.Count);
        var item = items[index];
        var scenario = loaded.Definition.Items.First(i => i.Id == item.ItemId).ScenarioHtml;
        var views = item.Questions.Select((laid, i) => View(questions[laid.QuestionId], laid, numberBefore + i + 1, saved.GetValueOrDefault(laid.QuestionId))).ToList();
        var pages = items.Select((it, i) => new AttemptPageLink(i + 1, it.Questions.All(q => AnswerForm.IsAnswered(saved.GetValueOrDefault(q.QuestionId))))).ToList();
        var total = loaded.Layout.Questions.Count();
        var secondsLeft = loaded.Attempt.DeadlineAt is { } end ? (int?)Math.Max(0, (int)(end - now).TotalSeconds) : null;
        return (new AttemptPage(attemptId, loaded.CourseSlug, loaded.CourseTitle, loaded.Key, loaded.Title, loaded.Attempt.Number,
            index + 1, items.Count, loaded.Attempt.DeadlineAt, secondsLeft, scenario, views, pages,
            loaded.Layout.Questions.Count(q => AnswerForm.IsAnswered(saved.GetValueOrDefault(q.QuestionId))), total) { Language = loaded.Attempt.Language }, false);
    }

    /// <summary>The questions on a page, with their definitions, for reading a posted form.</summary>
    public async Task<(IReadOnlyList<string> QuestionIds, Func<string, (QuestionDefinition, LaidOutQuestion)?> Find)?> GetFormShapeAsync(
        string userId, int attemptId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(userId, attemptId, cancellationToken);
        if (loaded is null)
        {
            return null;
        }
        var questions = loaded.Definition.AllQuestions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var laid = loaded.Layout.Questions.ToDictionary(q => q.QuestionId, StringComparer.Ordinal);
        return (laid.Keys.ToList(), id => questions.TryGetValue(id, out var q) && laid.TryGetValue(id, out var l) ? (q, l) : null);
    }

    public async Task<AttemptResult?> GetResultAsync(string userId, int attemptId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(userId, attemptId, cancellationToken);
        if (loaded is null || loaded.Attempt.Status != AttemptStatus.Submitted)
        {
            return null;
        }
        var attempt = loaded.Attempt;
        var definition = loaded.Definition;
        var saved = await attempts.LoadAnswersAsync(attemptId, attempt.DeadlineAt, cancellationToken);
        var scores = JsonSerializer.Deserialize<Dictionary<string, decimal>>(attempt.QuestionScores ?? "{}", Json)!;
        var questions = definition.AllQuestions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var startedAt = await db.QuizAttempts.Where(a => a.UserId == userId && a.QuizId == attempt.QuizId).Select(a => a.StartedAt).ToListAsync(cancellationToken);
        var attemptsLeft = await attempts.AttemptsLeftAsync(userId, loaded.CourseId, loaded.Key, definition.AttemptLimit, startedAt, cancellationToken);
        var moduleDone = loaded.ModuleId is { } moduleId && await db.ModuleCompletions.AnyAsync(c => c.UserId == userId && c.ModuleId == moduleId, cancellationToken);
        var courseDone = await db.CourseCompletions.AnyAsync(c => c.UserId == userId && c.CourseId == loaded.CourseId, cancellationToken);

        var review = new List<ReviewQuestion>();
        if (definition.ReviewAfterSubmit)
        {
            var number = 0;
            foreach (var item in loaded.Layout.Items)
            {
                var scenario = definition.Items.First(i => i.Id == item.ItemId).ScenarioHtml;
                foreach (var laid in item.Questions)
                {
                    var q = questions[laid.QuestionId];
                    review.Add(Review(++number, q, scenario, scores.GetValueOrDefault(q.Id), saved.GetValueOrDefault(q.Id)));
                    scenario = null; // shown once, above the scenario's first question
                }
            }
        }
        return new AttemptResult(attemptId, loaded.CourseSlug, loaded.CourseTitle, loaded.Key, loaded.Title, attempt.Number,
            attempt.Score ?? 0, attempt.Passed == true, definition.PassMark,
            attemptsLeft,
            definition.ReviewAfterSubmit, review, moduleDone, courseDone) { Language = attempt.Language };
    }

    internal static ReviewQuestion Review(int number, QuestionDefinition q, string? scenario, decimal score, QuestionAnswer? answer)
    {
        var feedback = new List<string>();
        List<string> yours, correct;
        switch (q.Type)
        {
            // Every line is HTML: option texts are sanitised HTML already, plain texts (and what the
            // learner typed) are encoded here.
            case QuestionType.Matching:
                yours = q.Pairs.Select(p => Encode($"{p.Left} → {answer?.Matches.GetValueOrDefault(p.Left) ?? "—"}")).ToList();
                correct = q.Pairs.Select(p => Encode($"{p.Left} → {p.Right}")).ToList();
                break;
            case QuestionType.Ordering:
                yours = answer?.Order.Select(Encode).ToList() ?? [];
                correct = q.OrderItems.Select(Encode).ToList();
                break;
            case QuestionType.ShortText:
                yours = string.IsNullOrWhiteSpace(answer?.Text) ? [] : [Encode(answer.Text)];
                correct = q.AcceptedAnswers.Select(Encode).ToList();
                break;
            default:
                var chosen = answer?.Choices ?? [];
                yours = q.Options.Where(o => chosen.Contains(o.Key)).Select(o => o.TextHtml).ToList();
                correct = q.Options.Where(o => o.IsCorrect).Select(o => o.TextHtml).ToList();
                feedback.AddRange(q.Options.Where(o => chosen.Contains(o.Key) && o.FeedbackHtml is not null).Select(o => o.FeedbackHtml!));
                break;
        }
        if (q.FeedbackHtml is not null)
        {
            feedback.Add(q.FeedbackHtml);
        }
        return new ReviewQuestion(number, q.PromptHtml, scenario, score, yours, correct, feedback, q.Type);
    }

    /// <summary>A question as the learner sees it: options in the attempt's order, no answer or feedback.</summary>
    internal static QuestionView View(QuestionDefinition q, LaidOutQuestion laid, int number, QuestionAnswer? saved) =>
        new(q.Id, number, q.Type, q.PromptHtml,
            laid.OptionOrder.Select(key => q.Options.First(o => o.Key == key)).Select(o => new OptionDefinitionView(o.Key, o.TextHtml)).ToList(),
            q.Pairs.Select(p => p.Left).ToList(), laid.ChoiceOrder, saved);

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    private async Task<Loaded?> LoadAsync(string userId, int attemptId, CancellationToken cancellationToken)
    {
        var row = await db.QuizAttempts.AsNoTracking().Where(a => a.Id == attemptId && a.UserId == userId)
            .Select(a => new
            {
                Attempt = a,
                a.QuizVersion.Definition,
                TranslationDefinition = db.QuizTranslations.Where(t => t.Id == a.QuizTranslationId).Select(t => t.Definition).FirstOrDefault(),
                Quiz = db.Quizzes.Where(q => q.Id == a.QuizId).Select(q => new
                {
                    q.Key, q.CourseId, q.ModuleId, CourseSlug = q.Course.Slug, CourseTitle = q.Course.Title,
                    ModuleTitle = q.Module == null ? null : q.Module.CurrentVersion!.Title,
                }).Single(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var definition = store.For(row.Attempt.QuizVersionId, row.Definition, row.Attempt.QuizTranslationId, row.TranslationDefinition);
        var (courseTitle, moduleTitle) = (row.Quiz.CourseTitle, row.Quiz.ModuleTitle);
        if (row.Attempt.QuizTranslationId is not null)
        {
            // Titles in the attempt's language, where the course and module are translated too.
            var language = row.Attempt.Language;
            courseTitle = await db.CourseTranslations.Where(t => t.CourseId == row.Quiz.CourseId && t.Language == language).Select(t => t.Title).FirstOrDefaultAsync(cancellationToken) ?? courseTitle;
            moduleTitle = row.Quiz.ModuleId is not { } moduleId ? moduleTitle
                : await db.Modules.Where(m => m.Id == moduleId).SelectMany(m => m.CurrentVersion!.Translations).Where(t => t.Language == language)
                    .Select(t => t.Title).FirstOrDefaultAsync(cancellationToken) ?? moduleTitle;
        }
        return new Loaded(row.Attempt, definition, AttemptService.Layout(row.Attempt.Layout), row.Quiz.CourseSlug, courseTitle,
            row.Quiz.Key, moduleTitle ?? QuizRef.FinalAssessmentTitle, row.Quiz.CourseId, row.Quiz.ModuleId);
    }
}
