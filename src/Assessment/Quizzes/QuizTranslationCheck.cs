using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>
/// Checks that a translated quiz keeps its original's structure: the same settings, the same questions and
/// scenarios with the same ids and types in the same order, and the same answer key (option count and
/// marks, pair and item counts). The key is then always taken from the original; this check makes sure
/// the translated text lines up with it.
/// </summary>
public static class QuizTranslationCheck
{
    public static void Compare(QuizDefinition original, QuizDefinition translation, string displayPath, List<ContentProblem> problems)
    {
        void Report(int line, string message) => problems.Add(new ContentProblem(displayPath, line, message));

        if ((original.PassMark, original.AttemptLimit, original.TimeLimitMinutes, original.ReviewAfterSubmit, original.Draw, original.Shuffle, original.PartialCredit)
            != (translation.PassMark, translation.AttemptLimit, translation.TimeLimitMinutes, translation.ReviewAfterSubmit, translation.Draw, translation.Shuffle, translation.PartialCredit))
        {
            Report(2, "A translation's settings come from the original: copy the original's front matter unchanged.");
        }
        var originalItems = original.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        CompareIds(original.Items.Select(i => i.Id).ToList(), translation.Items.Select(i => (i.Id, LineOf(i))).ToList(), "question or scenario", Report);
        foreach (var item in translation.Items)
        {
            if (!originalItems.TryGetValue(item.Id, out var source))
            {
                continue;
            }
            var isScenario = item.ScenarioHtml is not null;
            if (isScenario != (source.ScenarioHtml is not null))
            {
                Report(LineOf(item), isScenario
                    ? $"'{item.Id}' is a scenario here but a question in the original: keep '## {item.Id} {{type}}'."
                    : $"'{item.Id}' is a question here but a scenario in the original: keep '## scenario: {item.Id}'.");
                continue;
            }
            if (isScenario)
            {
                CompareIds(source.Questions.Select(q => q.Id).ToList(), item.Questions.Select(q => (q.Id, q.Line)).ToList(), $"question of scenario '{item.Id}'", Report);
            }
            foreach (var question in item.Questions)
            {
                if (source.Questions.FirstOrDefault(q => q.Id == question.Id) is { } originalQuestion)
                {
                    CompareQuestion(originalQuestion, question, Report);
                }
            }
        }
    }

    private static void CompareQuestion(QuestionDefinition original, QuestionDefinition translation, Action<int, string> report)
    {
        var name = $"Question '{translation.Id}'";
        if (original.Type != translation.Type)
        {
            report(translation.Line, $"{name} is {{{TypeName(translation.Type)}}} here but {{{TypeName(original.Type)}}} in the original: a translation never changes a question's type.");
            return;
        }
        if (original.Recall != translation.Recall)
        {
            report(translation.Line, $"{name} is {(translation.Recall ? "" : "not ")}tagged '{QuizHeading.RecallTag}' here but {(original.Recall ? "is" : "is not")} in the original: copy the tags after the type as they are.");
        }
        if (original.Options.Count != translation.Options.Count)
        {
            report(translation.Line, $"{name} has {translation.Options.Count} options here and {original.Options.Count} in the original: translate each option, in the same order.");
        }
        else if (!original.Options.Select(o => o.IsCorrect).SequenceEqual(translation.Options.Select(o => o.IsCorrect)))
        {
            report(translation.Line, $"{name} marks different options correct than the original: keep each option's [x] or [ ] as in the original, in the same order.");
        }
        if (original.Pairs.Count != translation.Pairs.Count)
        {
            report(translation.Line, $"{name} has {translation.Pairs.Count} pairs here and {original.Pairs.Count} in the original: translate each pair, in the same order.");
        }
        else if (!SameGrouping(original.Pairs.Select(p => p.Right).ToList(), translation.Pairs.Select(p => p.Right).ToList()))
        {
            report(translation.Line, $"{name} shares right-hand sides between pairs differently from the original: translate the same right side the same way each time.");
        }
        if (original.OrderItems.Count != translation.OrderItems.Count)
        {
            report(translation.Line, $"{name} has {translation.OrderItems.Count} items to order here and {original.OrderItems.Count} in the original: translate each item, in the same (correct) order.");
        }
    }

    /// <summary>Missing, extra and reordered ids, each reported once.</summary>
    private static void CompareIds(IReadOnlyList<string> original, IReadOnlyList<(string Id, int Line)> translated, string what, Action<int, string> report)
    {
        var translatedIds = translated.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var originalIds = original.ToHashSet(StringComparer.Ordinal);
        foreach (var missing in original.Where(id => !translatedIds.Contains(id)))
        {
            report(translated.Count > 0 ? translated[^1].Line : 1, $"The original's {what} '{missing}' is missing from the translation: translate every one, with the same id.");
        }
        foreach (var (id, line) in translated.Where(t => !originalIds.Contains(t.Id)))
        {
            report(line, $"The {what} '{id}' is not in the original: ids are never translated, so copy the original's id.");
        }
        var commonOriginal = original.Where(translatedIds.Contains).ToList();
        var commonTranslated = translated.Where(t => originalIds.Contains(t.Id)).ToList();
        for (var i = 0; i < commonOriginal.Count; i++)
        {
            if (commonOriginal[i] != commonTranslated[i].Id)
            {
                report(commonTranslated[i].Line, $"The {what} '{commonTranslated[i].Id}' comes where the original has '{commonOriginal[i]}': keep the original's order.");
                return;
            }
        }
    }

    /// <summary>True when equal texts sit at the same positions on both sides (two pairs sharing a right side keep sharing it).</summary>
    private static bool SameGrouping(List<string> a, List<string> b) =>
        Enumerable.Range(0, a.Count).All(i => Enumerable.Range(0, a.Count).All(j =>
            string.Equals(a[i], a[j], StringComparison.OrdinalIgnoreCase) == string.Equals(b[i], b[j], StringComparison.OrdinalIgnoreCase)));

    private static int LineOf(PoolItem item) => Math.Max(1, item.Line);

    private static string TypeName(QuestionType type) => QuizHeading.Types.First(t => t.Value == type).Key;
}
