namespace Training.Assessment.Quizzes;

/// <summary>
/// The quiz an attempt in another language shows and is graded against: the original's settings, ids,
/// option keys and correct marks, with the translation's text laid over them by position. A translation
/// can therefore never change what is correct; short-text answers are accepted in either language.
/// </summary>
public static class TranslatedDefinition
{
    public static QuizDefinition Of(QuizDefinition original, QuizDefinition translation)
    {
        var translatedItems = translation.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return original with
        {
            Items = original.Items.Select(item => translatedItems.TryGetValue(item.Id, out var text)
                ? item with
                {
                    ScenarioHtml = item.ScenarioHtml is null ? null : text.ScenarioHtml ?? item.ScenarioHtml,
                    Questions = item.Questions.Select(q => text.Questions.FirstOrDefault(t => t.Id == q.Id) is { } t ? Question(q, t) : q).ToList(),
                }
                : item).ToList(),
        };
    }

    private static QuestionDefinition Question(QuestionDefinition original, QuestionDefinition text) => original with
    {
        PromptHtml = text.PromptHtml,
        FeedbackHtml = text.FeedbackHtml ?? original.FeedbackHtml,
        Options = original.Options.Select((o, i) => i < text.Options.Count ? o with { TextHtml = text.Options[i].TextHtml, FeedbackHtml = text.Options[i].FeedbackHtml } : o).ToList(),
        // Pairs and items are graded by their text, so the translation's text in the original's order is the key.
        Pairs = text.Pairs.Count == original.Pairs.Count ? text.Pairs : original.Pairs,
        OrderItems = text.OrderItems.Count == original.OrderItems.Count ? text.OrderItems : original.OrderItems,
        AcceptedAnswers = [.. text.AcceptedAnswers, .. original.AcceptedAnswers.Where(a => !text.AcceptedAnswers.Contains(a, StringComparer.OrdinalIgnoreCase))],
    };
}
