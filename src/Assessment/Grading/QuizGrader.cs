using System.Globalization;
using System.Text;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Grading;

/// <summary>Scores one answer against its question, from 0 (wrong) to 1 (right), with part marks where allowed.</summary>
public static class QuizGrader
{
    /// <param name="partialCredit">The quiz's setting: multiple-choice, matching and ordering earn part marks.</param>
    public static decimal Grade(QuestionDefinition question, QuestionAnswer? answer, bool partialCredit)
    {
        if (answer is null)
        {
            return 0m;
        }
        return question.Type switch
        {
            QuestionType.SingleChoice or QuestionType.TrueFalse => GradeSingle(question, answer),
            QuestionType.MultipleChoice => GradeMultiple(question, answer, partialCredit),
            QuestionType.Matching => GradeMatching(question, answer, partialCredit),
            QuestionType.Ordering => GradeOrdering(question, answer, partialCredit),
            QuestionType.ShortText => GradeShortText(question, answer),
            _ => 0m,
        };
    }

    /// <summary>An attempt's score in percent (the mean of its questions' scores, two decimals) and whether it passes.</summary>
    public static (decimal Score, bool Passed) Total(IReadOnlyCollection<decimal> questionScores, int passMark)
    {
        var score = questionScores.Count == 0 ? 0 : Math.Round(questionScores.Sum() * 100 / questionScores.Count, 2);
        return (score, score >= passMark);
    }

    /// <summary>Trimmed, inner whitespace collapsed to one space, lower case (invariant culture).</summary>
    public static string NormaliseText(string text)
    {
        // Composed form first: a phone keyboard may send "é" as "e" plus an accent, which must still match.
        var words = text.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words).ToLower(CultureInfo.InvariantCulture);
    }

    private static decimal GradeSingle(QuestionDefinition question, QuestionAnswer answer)
    {
        var chosen = answer.Choices.Distinct(StringComparer.Ordinal).ToList();
        var correct = question.Options.Where(o => o.IsCorrect).Select(o => o.Key).ToList();
        return chosen.Count == 1 && correct.Count == 1 && chosen[0] == correct[0] ? 1m : 0m;
    }

    private static decimal GradeMultiple(QuestionDefinition question, QuestionAnswer answer, bool partialCredit)
    {
        var chosen = answer.Choices.ToHashSet(StringComparer.Ordinal);
        var correct = question.Options.Where(o => o.IsCorrect).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        if (correct.Count == 0)
        {
            return 0m;
        }
        if (!partialCredit)
        {
            return chosen.SetEquals(correct) ? 1m : 0m;
        }
        // A wrong choice takes back as much as a right one gives, so ticking every box earns nothing.
        // Keys that are not options at all count as wrong choices.
        decimal rightChosen = chosen.Count(correct.Contains);
        decimal wrongChosen = chosen.Count - rightChosen;
        decimal wrongOptions = question.Options.Count - correct.Count;
        var penalty = wrongOptions == 0 ? 0m : wrongChosen / wrongOptions;
        return Math.Max(0m, (rightChosen / correct.Count) - penalty);
    }

    private static decimal GradeMatching(QuestionDefinition question, QuestionAnswer answer, bool partialCredit)
    {
        if (question.Pairs.Count == 0)
        {
            return 0m;
        }
        var right = question.Pairs.Count(p => answer.Matches.TryGetValue(p.Left, out var chosen) && chosen == p.Right);
        return Share(right, question.Pairs.Count, partialCredit);
    }

    private static decimal GradeOrdering(QuestionDefinition question, QuestionAnswer answer, bool partialCredit)
    {
        var items = question.OrderItems;
        if (items.Count == 0)
        {
            return 0m;
        }
        if (!partialCredit)
        {
            return answer.Order.SequenceEqual(items, StringComparer.Ordinal) ? 1m : 0m;
        }
        var inPlace = Enumerable.Range(0, items.Count).Count(i => i < answer.Order.Count && answer.Order[i] == items[i]);
        return (decimal)inPlace / items.Count;
    }

    private static decimal GradeShortText(QuestionDefinition question, QuestionAnswer answer)
    {
        if (answer.Text is null)
        {
            return 0m;
        }
        var given = NormaliseText(answer.Text);
        return given.Length > 0 && question.AcceptedAnswers.Any(a => NormaliseText(a) == given) ? 1m : 0m;
    }

    private static decimal Share(int right, int total, bool partialCredit) =>
        partialCredit ? (decimal)right / total : right == total ? 1m : 0m;
}
