using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Training.Assessment.Grading;
using Training.Assessment.Quizzes;
using Training.Courses.Progress;

namespace Training.Assessment.Attempts;

public enum StartOutcome { Started, Resumed, NoAttemptsLeft, NotEnrolled, NoSuchQuiz }

public enum SaveOutcome { Saved, NotFound, AlreadySubmitted, TimeUp, UnknownQuestion }

public sealed record SaveResult(SaveOutcome Outcome, string? QuestionId = null);

/// <summary>
/// Starts, saves and submits attempts. The server owns everything that matters: which questions an
/// attempt has, the clock for its time limit, and its one grading.
/// </summary>
public sealed class AttemptService(IAssessmentDbContext db, QuizDefinitionStore store, ProgressService progress, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<QuizRef?> FindQuizAsync(string courseSlug, string key, CancellationToken cancellationToken) =>
        FindQuizAsync(courseSlug, key, null, cancellationToken);

    /// <param name="language">The learner's language: the quiz comes in its current translation when there is one, else in the original.</param>
    public async Task<QuizRef?> FindQuizAsync(string courseSlug, string key, string? language, CancellationToken cancellationToken)
    {
        var row = await db.Quizzes.AsNoTracking()
            .Where(q => q.Course.Slug == courseSlug && q.Course.IsPublished && q.Key == key && !q.IsRetired && q.CurrentVersionId != null)
            .Select(q => new
            {
                q.Id, q.CourseId, q.ModuleId, VersionId = q.CurrentVersionId!.Value, q.CurrentVersion!.Definition,
                CourseTitle = db.CourseTranslations.Where(t => t.CourseId == q.CourseId && t.Language == language).Select(t => t.Title).FirstOrDefault() ?? q.Course.Title,
                CourseLanguage = q.Course.Language,
                ModuleTitle = q.Module == null ? null
                    : q.Module.CurrentVersion!.Translations.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault() ?? q.Module.CurrentVersion.Title,
                Translation = db.QuizTranslations.Where(t => t.QuizVersionId == q.CurrentVersionId && t.Language == language && t.IsCurrent)
                    .Select(t => new { t.Id, t.Definition }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new QuizRef(row.Id, row.CourseId, row.ModuleId, row.VersionId, courseSlug, row.CourseTitle, key,
            row.ModuleTitle ?? QuizRef.FinalAssessmentTitle, store.For(row.VersionId, row.Definition, row.Translation?.Id, row.Translation?.Definition))
        {
            Language = row.Translation is null ? row.CourseLanguage : language!,
            TranslationId = row.Translation?.Id,
        };
    }

    public Task<QuizOverview?> GetOverviewAsync(string userId, string courseSlug, string key, CancellationToken cancellationToken) =>
        GetOverviewAsync(userId, courseSlug, key, null, cancellationToken);

    public async Task<QuizOverview?> GetOverviewAsync(string userId, string courseSlug, string key, string? language, CancellationToken cancellationToken)
    {
        var quiz = await FindQuizAsync(courseSlug, key, language, cancellationToken);
        if (quiz is null)
        {
            return null;
        }
        await ExpireOverdueAsync(userId, quiz.QuizId, cancellationToken);
        var rows = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == userId && a.QuizId == quiz.QuizId).OrderBy(a => a.Number)
            .Select(a => new { Summary = new AttemptSummary(a.Id, a.Number, a.Status, a.Score, a.Passed, a.SubmittedAt), a.StartedAt }).ToListAsync(cancellationToken);
        var attempts = rows.Select(r => r.Summary).ToList();
        var left = await AttemptsLeftAsync(userId, quiz.CourseId, quiz.Key, quiz.Definition.AttemptLimit, rows.Select(r => r.StartedAt), cancellationToken);
        var enrolled = await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CourseId == quiz.CourseId, cancellationToken);
        var definition = quiz.Definition;
        var questionCount = (definition.Draw is { } draw ? definition.Items.OrderBy(i => i.Questions.Count).Take(draw) : definition.Items).Sum(i => i.Questions.Count);
        return new QuizOverview(courseSlug, quiz.CourseTitle, key, quiz.Title, definition.PassMark, left, definition.TimeLimitMinutes,
            questionCount, enrolled, attempts, attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress)?.Id);
    }

    /// <summary>How many more attempts the learner may start at this quiz (<see cref="AttemptRules.AttemptsLeft"/>); null: unlimited.</summary>
    /// <param name="startedAt">When each of the learner's attempts at the quiz started.</param>
    internal async Task<int?> AttemptsLeftAsync(string userId, int courseId, string quizKey, int attemptLimit, IEnumerable<DateTime> startedAt, CancellationToken cancellationToken)
    {
        if (attemptLimit == 0)
        {
            return null;
        }
        var renewalOpened = quizKey == Quiz.FinalKey ? await progress.RenewalOpenedAsync(userId, courseId, cancellationToken) : null;
        return AttemptRules.AttemptsLeft(attemptLimit, startedAt, AttemptRules.CountFrom(quizKey, renewalOpened));
    }

    public Task<(StartOutcome Outcome, int? AttemptId)> StartOrResumeAsync(string userId, string courseSlug, string key, CancellationToken cancellationToken) =>
        StartOrResumeAsync(userId, courseSlug, key, null, cancellationToken);

    /// <summary>
    /// Resumes the attempt in progress, or starts a new one with its own draw and order, in the learner's
    /// language when the quiz has a translation into it (the attempt keeps that language to the end).
    /// </summary>
    public async Task<(StartOutcome Outcome, int? AttemptId)> StartOrResumeAsync(string userId, string courseSlug, string key, string? language, CancellationToken cancellationToken)
    {
        var quiz = await FindQuizAsync(courseSlug, key, language, cancellationToken);
        if (quiz is null)
        {
            return (StartOutcome.NoSuchQuiz, null);
        }
        if (!await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CourseId == quiz.CourseId, cancellationToken))
        {
            return (StartOutcome.NotEnrolled, null);
        }
        await ExpireOverdueAsync(userId, quiz.QuizId, cancellationToken);
        var attempts = await db.QuizAttempts.Where(a => a.UserId == userId && a.QuizId == quiz.QuizId)
            .Select(a => new { a.Id, a.Number, a.Status, a.StartedAt }).ToListAsync(cancellationToken);
        if (attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress) is { } open)
        {
            return (StartOutcome.Resumed, open.Id);
        }
        if (!AttemptRules.MayStartAnother(await AttemptsLeftAsync(userId, quiz.CourseId, quiz.Key, quiz.Definition.AttemptLimit, attempts.Select(a => a.StartedAt), cancellationToken)))
        {
            return (StartOutcome.NoAttemptsLeft, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = new QuizAttempt
        {
            QuizId = quiz.QuizId,
            QuizVersionId = quiz.VersionId,
            UserId = userId,
            Language = quiz.Language,
            QuizTranslationId = quiz.TranslationId,
            Number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1,
            Status = AttemptStatus.InProgress,
            StartedAt = now,
            DeadlineAt = AttemptRules.DeadlineFor(now, quiz.Definition.TimeLimitMinutes),
            Layout = JsonSerializer.Serialize(AttemptDraw.Lay(quiz.Definition, Random.Shared), Json),
        };
        db.QuizAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab started this attempt number a moment ago: resume that one.
            db.QuizAttempts.Entry(attempt).State = EntityState.Detached;
            var other = await db.QuizAttempts.Where(a => a.UserId == userId && a.QuizId == quiz.QuizId && a.Status == AttemptStatus.InProgress)
                .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            return other is null ? (StartOutcome.NoAttemptsLeft, null) : (StartOutcome.Resumed, other);
        }
        return (StartOutcome.Started, attempt.Id);
    }

    /// <summary>Saves answers to questions of the attempt. A save with the key of the last save is a retry.</summary>
    public async Task<SaveResult> SaveAsync(string userId, int attemptId, IReadOnlyDictionary<string, QuestionAnswer> answers, string? saveKey, CancellationToken cancellationToken)
    {
        var attempt = await db.QuizAttempts.Where(a => a.Id == attemptId && a.UserId == userId)
            .Select(a => new { a.Status, a.DeadlineAt, a.Layout }).SingleOrDefaultAsync(cancellationToken);
        if (attempt is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }
        // Time up before submitted: an attempt past its deadline may have been closed by the job
        // already, and the learner's page should say why nothing more is saved.
        var now = clock.GetUtcNow().UtcDateTime;
        if (AttemptRules.IsPastDeadline(attempt.DeadlineAt, now))
        {
            return new SaveResult(SaveOutcome.TimeUp);
        }
        if (attempt.Status == AttemptStatus.Submitted)
        {
            return new SaveResult(SaveOutcome.AlreadySubmitted);
        }
        var inAttempt = Layout(attempt.Layout).Questions.Select(q => q.QuestionId).ToHashSet(StringComparer.Ordinal);
        if (answers.Keys.FirstOrDefault(id => !inAttempt.Contains(id)) is { } stranger)
        {
            return new SaveResult(SaveOutcome.UnknownQuestion, stranger);
        }

        try
        {
            await WriteAnswersAsync(attemptId, answers, saveKey, now, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The page's form post and the script's save of the same new answer raced to the unique
            // index: the other one created the row, so write again as an update.
            db.ChangeTracker.Clear();
            await WriteAnswersAsync(attemptId, answers, saveKey, now, cancellationToken);
        }
        return new SaveResult(SaveOutcome.Saved);
    }

    private async Task WriteAnswersAsync(int attemptId, IReadOnlyDictionary<string, QuestionAnswer> answers, string? saveKey, DateTime now, CancellationToken cancellationToken)
    {
        var ids = answers.Keys.ToList();
        var saved = await db.AttemptAnswers.Where(a => a.AttemptId == attemptId && ids.Contains(a.QuestionId)).ToListAsync(cancellationToken);
        foreach (var (questionId, answer) in answers)
        {
            var row = saved.FirstOrDefault(s => s.QuestionId == questionId);
            if (row is null)
            {
                db.AttemptAnswers.Add(new AttemptAnswer { AttemptId = attemptId, QuestionId = questionId, Answer = JsonSerializer.Serialize(answer, Json), SaveKey = saveKey, SavedAt = now });
            }
            else if (saveKey is null || row.SaveKey != saveKey)
            {
                row.Answer = JsonSerializer.Serialize(answer, Json);
                row.SaveKey = saveKey;
                row.SavedAt = now;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Grades the attempt once. The first caller flips it from in progress to submitted in the same
    /// transaction as the grade and any module or course completion; any later or parallel caller finds
    /// it already submitted and changes nothing. Returns false when the attempt is not this learner's.
    /// </summary>
    public async Task<bool> SubmitAsync(string userId, int attemptId, CancellationToken cancellationToken)
    {
        var owner = await db.QuizAttempts.Where(a => a.Id == attemptId).Select(a => a.UserId).SingleOrDefaultAsync(cancellationToken);
        if (owner != userId)
        {
            return false;
        }
        await GradeOnceAsync(attemptId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Closes every timed attempt left in progress past its deadline with grace, whoever it belongs to:
    /// each is graded once with the answers saved in time, as a submission would be. Returns how many
    /// this call graded (a learner's submit at the same moment wins or loses the same conditional update).
    /// </summary>
    public async Task<int> CloseAbandonedAsync(CancellationToken cancellationToken)
    {
        var abandoned = await db.QuizAttempts.Where(AttemptRules.Abandoned(clock.GetUtcNow().UtcDateTime))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var id in abandoned)
        {
            closed += await GradeOnceAsync(id, cancellationToken) ? 1 : 0;
        }
        return closed;
    }

    private async Task<bool> GradeOnceAsync(int attemptId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.QuizAttempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.Submitted).SetProperty(a => a.SubmittedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var attempt = await db.QuizAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new
            {
                a.UserId, a.QuizId, a.Layout, a.QuizVersionId, a.QuizVersion.Definition, a.DeadlineAt, a.QuizTranslationId,
                TranslationDefinition = db.QuizTranslations.Where(t => t.Id == a.QuizTranslationId).Select(t => t.Definition).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        // The attempt's own language: the same key as the original, with that language's accepted answers too.
        var definition = store.For(attempt.QuizVersionId, attempt.Definition, attempt.QuizTranslationId, attempt.TranslationDefinition);
        var saved = await LoadAnswersAsync(attemptId, attempt.DeadlineAt, cancellationToken);
        var questions = definition.AllQuestions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var scores = Layout(attempt.Layout).Questions
            .ToDictionary(q => q.QuestionId, q => QuizGrader.Grade(questions[q.QuestionId], saved.GetValueOrDefault(q.QuestionId), definition.PartialCredit), StringComparer.Ordinal);
        var (score, passed) = QuizGrader.Total(scores.Values, definition.PassMark);
        var scoresJson = JsonSerializer.Serialize(scores, Json);
        await db.QuizAttempts.Where(a => a.Id == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Score, score).SetProperty(a => a.Passed, passed).SetProperty(a => a.QuestionScores, scoresJson), cancellationToken);

        if (passed)
        {
            await CompleteAsync(attempt.UserId, attempt.QuizId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task CompleteAsync(string userId, int quizId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.Where(q => q.Id == quizId).Select(q => new { q.CourseId, q.ModuleId }).SingleAsync(cancellationToken);
        if (quiz.ModuleId is { } moduleId)
        {
            await progress.CompleteModuleAsync(userId, moduleId, cancellationToken);
        }
        // When renewing, only a pass since the renewal window opened counts.
        var since = await progress.RenewalOpenedAsync(userId, quiz.CourseId, cancellationToken) ?? DateTime.MinValue;
        var finalPassed = await db.QuizAttempts.AnyAsync(a => a.UserId == userId && a.Passed == true && a.SubmittedAt >= since
            && db.Quizzes.Any(q => q.Id == a.QuizId && q.CourseId == quiz.CourseId && q.Key == Quiz.FinalKey), cancellationToken);
        await progress.TryCompleteCourseAsync(userId, quiz.CourseId, finalPassed, cancellationToken);
    }

    /// <summary>
    /// An attempt whose time ran out is graded with what was saved in time as soon as the learner comes
    /// back, without waiting for the next run of the job that closes abandoned attempts.
    /// </summary>
    private async Task ExpireOverdueAsync(string userId, int quizId, CancellationToken cancellationToken)
    {
        var overdue = await db.QuizAttempts.Where(a => a.UserId == userId && a.QuizId == quizId).Where(AttemptRules.Abandoned(clock.GetUtcNow().UtcDateTime))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in overdue)
        {
            await GradeOnceAsync(id, cancellationToken);
        }
    }

    internal async Task<Dictionary<string, QuestionAnswer>> LoadAnswersAsync(int attemptId, DateTime? deadline, CancellationToken cancellationToken)
    {
        var rows = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).Select(a => new { a.QuestionId, a.Answer, a.SavedAt }).ToListAsync(cancellationToken);
        return rows.Where(r => AttemptRules.SavedInTime(r.SavedAt, deadline))
            .ToDictionary(r => r.QuestionId, r => JsonSerializer.Deserialize<QuestionAnswer>(r.Answer, Json)!, StringComparer.Ordinal);
    }

    internal static AttemptLayout Layout(string json) => JsonSerializer.Deserialize<AttemptLayout>(json, Json)!;
}
