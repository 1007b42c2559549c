using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Statistics;

/// <summary>
/// Quiz statistics for trainers, over every submitted attempt of the quiz's current version: pass rate,
/// average, a score distribution in tenths, and per question the facility index (average score as a
/// percentage), the discrimination index (as Moodle computes it: the correlation, times 100, between the
/// question's score and the attempt's score on the other questions) and the wrong option chosen most.
/// </summary>
public sealed class QuizStatisticsQuery(IAssessmentDbContext db, AttemptService attempts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<QuizStatistics?> GetAsync(string courseSlug, string key, CancellationToken cancellationToken) =>
        GetAsync(courseSlug, key, null, cancellationToken);

    /// <param name="language">Only the attempts taken in this language; null: every attempt. Questions and options are named in the original.</param>
    public async Task<QuizStatistics?> GetAsync(string courseSlug, string key, string? language, CancellationToken cancellationToken)
    {
        var quiz = await attempts.FindQuizAsync(courseSlug, key, cancellationToken);
        if (quiz is null)
        {
            return null;
        }
        var submitted = db.QuizAttempts.AsNoTracking().Where(a => a.QuizVersionId == quiz.VersionId && a.Status == AttemptStatus.Submitted);
        var languages = await submitted.GroupBy(a => a.Language).Select(g => new LanguageCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        if (language is not null)
        {
            submitted = submitted.Where(a => a.Language == language);
        }
        var rows = await submitted
            .Select(a => new { a.Id, a.Score, a.Passed, a.QuestionScores })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var answers = await db.AttemptAnswers.AsNoTracking().Where(a => ids.Contains(a.AttemptId))
            .Select(a => new { a.QuestionId, a.Answer }).ToListAsync(cancellationToken);

        var perAttempt = rows.Select(r => JsonSerializer.Deserialize<Dictionary<string, decimal>>(r.QuestionScores ?? "{}", Json)!).ToList();
        var bands = new int[10];
        foreach (var row in rows)
        {
            bands[Math.Min(9, (int)((row.Score ?? 0) / 10))]++;
        }

        var questions = quiz.Definition.AllQuestions.Select((q, i) =>
        {
            var pairs = perAttempt.Where(s => s.ContainsKey(q.Id))
                .Select(s => (Own: (double)s[q.Id], Others: s.Count > 1 ? (double)(s.Where(kv => kv.Key != q.Id).Sum(kv => kv.Value) / (s.Count - 1)) : 0d))
                .ToList();
            var wrong = answers.Where(a => a.QuestionId == q.Id)
                .SelectMany(a => JsonSerializer.Deserialize<QuestionAnswer>(a.Answer, Json)!.Choices)
                .Where(key => q.Options.Any(o => o.Key == key && !o.IsCorrect))
                .GroupBy(key => key).OrderByDescending(g => g.Count()).FirstOrDefault();
            return new QuestionStatistics(i + 1, q.Id, q.PromptHtml, pairs.Count,
                pairs.Count == 0 ? null : Math.Round((decimal)pairs.Average(p => p.Own) * 100, 1),
                Correlation(pairs) is { } r ? Math.Round((decimal)r * 100, 1) : null,
                wrong is null ? null : q.Options.First(o => o.Key == wrong.Key).TextHtml, wrong?.Count() ?? 0);
        }).ToList();

        return new QuizStatistics(courseSlug, quiz.CourseTitle, key, quiz.Title, rows.Count,
            rows.Count == 0 ? null : Math.Round(rows.Count(r => r.Passed == true) * 100m / rows.Count, 1),
            rows.Count == 0 ? null : Math.Round(rows.Average(r => r.Score ?? 0), 1),
            bands, questions)
        {
            Language = language,
            Languages = languages.OrderBy(l => l.Language, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Pearson's r; null when either side does not vary (every attempt scored the same).</summary>
    public static double? Correlation(IReadOnlyList<(double Own, double Others)> pairs)
    {
        if (pairs.Count < 2)
        {
            return null;
        }
        var meanOwn = pairs.Average(p => p.Own);
        var meanOthers = pairs.Average(p => p.Others);
        var covariance = pairs.Sum(p => (p.Own - meanOwn) * (p.Others - meanOthers));
        var spreadOwn = Math.Sqrt(pairs.Sum(p => Math.Pow(p.Own - meanOwn, 2)));
        var spreadOthers = Math.Sqrt(pairs.Sum(p => Math.Pow(p.Others - meanOthers, 2)));
        return spreadOwn == 0 || spreadOthers == 0 ? null : covariance / (spreadOwn * spreadOthers);
    }
}
