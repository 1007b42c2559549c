using Training.Assessment.Grading;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

/// <summary>One scenario (or lone question) of a previewed quiz: as the learner sees it, then its key.</summary>
/// <param name="Key">Per question: the correct answer and every option's feedback (shown to the trainer before answering).</param>
/// <param name="Review">After the trainer answers: the learner's results page for these questions.</param>
public sealed record PreviewItem(string? ScenarioHtml, IReadOnlyList<QuestionView> Questions, IReadOnlyList<ReviewQuestion> Key, IReadOnlyList<ReviewQuestion> Review);

/// <summary>A quiz previewed by its trainer; <see cref="Score"/> is set once they answered.</summary>
public sealed record QuizPreviewResult(IReadOnlyList<PreviewItem> Items, int PassMark, int QuestionCount, decimal? Score, bool? Passed);

/// <summary>
/// A quiz as a learner would see it, answered and graded in memory: the same layout, answer form, grader and
/// review as an attempt, and nothing written anywhere. Every pool item is shown (no draw), in file order.
/// </summary>
public static class QuizPreview
{
    public static QuizPreviewResult Show(QuizDefinition quiz) => Build(quiz, null);

    /// <param name="field">The posted form's values by field name (the learner's answer form).</param>
    public static QuizPreviewResult Grade(QuizDefinition quiz, Func<string, IReadOnlyList<string>> field) => Build(quiz, field);

    private static QuizPreviewResult Build(QuizDefinition quiz, Func<string, IReadOnlyList<string>>? field)
    {
        // A fixed seed: the form and its post see the same order of options and choices.
        var layout = AttemptDraw.Lay(quiz with { Draw = null, Shuffle = false }, new Random(1));
        var questions = quiz.AllQuestions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var laid = layout.Questions.ToDictionary(q => q.QuestionId, StringComparer.Ordinal);
        var answers = field is null ? [] : AnswerForm.Read(field, laid.Keys, id => questions.TryGetValue(id, out var q) ? (q, laid[id]) : null);
        var scores = new List<decimal>();
        var items = new List<PreviewItem>();
        var number = 0;
        foreach (var item in layout.Items)
        {
            var scenario = quiz.Items.First(i => i.Id == item.ItemId).ScenarioHtml;
            var views = new List<QuestionView>();
            var keys = new List<ReviewQuestion>();
            var reviews = new List<ReviewQuestion>();
            foreach (var question in item.Questions)
            {
                var q = questions[question.QuestionId];
                var answer = answers.GetValueOrDefault(q.Id);
                number++;
                views.Add(AttemptPages.View(q, question, number, answer));
                var key = AttemptPages.Review(number, q, null, 1, null);
                keys.Add(key with
                {
                    FeedbackHtml = [.. q.Options.Where(o => o.FeedbackHtml is not null).Select(o => $"<strong>{o.TextHtml}</strong> {o.FeedbackHtml}"), .. key.FeedbackHtml],
                });
                if (field is not null)
                {
                    var score = QuizGrader.Grade(q, answer, quiz.PartialCredit);
                    scores.Add(score);
                    reviews.Add(AttemptPages.Review(number, q, null, score, answer));
                }
            }
            items.Add(new PreviewItem(scenario, views, keys, reviews));
        }
        if (field is null)
        {
            return new QuizPreviewResult(items, quiz.PassMark, number, null, null);
        }
        var (total, passed) = QuizGrader.Total(scores, quiz.PassMark);
        return new QuizPreviewResult(items, quiz.PassMark, number, total, passed);
    }
}
