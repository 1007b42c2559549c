using System.Text.RegularExpressions;
using Training.Assessment.Quizzes;

namespace Training.Content.Tests;

/// <summary>
/// What makes feedback a reason rather than a verdict, and which answers are plain recall of a number.
/// </summary>
public static partial class QuestionQuality
{
    /// <summary>Fewer words than this after the verdict ("Right.", "No.") and the source are a bare verdict.</summary>
    public const int ReasonWords = 5;

    /// <summary>What is wrong with a question's feedback, or nothing when every option, pair or step has a reason.</summary>
    public static IEnumerable<string> FeedbackProblems(QuestionDefinition q)
    {
        var whole = ContentNotes.Text(q.FeedbackHtml);
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse:
                foreach (var o in q.Options.Where(o => ReasonLength(ContentNotes.Text(o.FeedbackHtml)) < ReasonWords))
                {
                    yield return $"option '{ContentNotes.Text(o.TextHtml)}' has no reason in its feedback: \"{ContentNotes.Text(o.FeedbackHtml)}\"";
                }
                break;
            case QuestionType.Matching:
                foreach (var p in q.Pairs.Where(p => !Mentions(whole, p.Left) && !Mentions(whole, p.Right) && !MentionsAnyOf(whole, Distinctive(p.Left, q.Pairs))))
                {
                    yield return $"the feedback does not explain the pair '{p.Left} => {p.Right}' (name its left or right side)";
                }
                if (Reasons(whole) < q.Pairs.Count)
                {
                    yield return $"the feedback gives {Reasons(whole)} reasons for {q.Pairs.Count} pairs: explain each pair";
                }
                break;
            case QuestionType.Ordering:
                if (Reasons(whole) < q.OrderItems.Count)
                {
                    yield return $"the feedback gives {Reasons(whole)} reasons for {q.OrderItems.Count} steps: explain each step";
                }
                break;
            default:
                if (ReasonLength(whole) < 2 * ReasonWords)
                {
                    yield return $"the feedback does not say why: \"{whole}\"";
                }
                break;
        }
    }

    /// <summary>True when every correct answer is a number, a year or an amount: a question of recall.</summary>
    public static bool AnswersWithANumber(QuestionDefinition q)
    {
        var answers = q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => q.Options.Where(o => o.IsCorrect).Select(o => ContentNotes.Text(o.TextHtml)).ToList(),
            QuestionType.ShortText => q.AcceptedAnswers.ToList(),
            _ => [],
        };
        return answers.Count > 0 && answers.All(a => Number().IsMatch(a));
    }

    /// <summary>Sentences (or clauses ending in ';' or ':') of at least three words: one per pair or step.</summary>
    private static int Reasons(string feedback) => Sentences().Split(feedback).Count(s => ReasonLength(s) >= 3);

    /// <summary>Words left once the verdict and the source citations are taken off.</summary>
    public static int ReasonLength(string feedback)
    {
        var text = Citation().Replace(feedback, " ");
        text = Verdict().Replace(text, "");
        // "These topics are listed in the report." names a source, it gives no reason.
        text = string.Join(' ', Sentences().Split(text).Where(s => !SourceOnly().IsMatch(s)));
        return Regex.Count(text, @"[\p{L}\p{N}]+");
    }

    private static bool Mentions(string feedback, string side) =>
        feedback.Contains(side.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Words of a left side that no other left side has ("Beitbridge" of "Beitbridge, Zimbabwe"; "6" of "Article 6").</summary>
    private static IEnumerable<string> Distinctive(string left, IReadOnlyList<MatchPair> pairs)
    {
        var others = pairs.Where(p => p.Left != left).SelectMany(p => Words().Matches(p.Left).Select(m => m.Value.ToLowerInvariant())).ToHashSet();
        return Words().Matches(left).Select(m => m.Value.ToLowerInvariant())
            .Where(w => (w.Length >= 4 || w.Any(char.IsDigit)) && !others.Contains(w));
    }

    private static bool MentionsAnyOf(string feedback, IEnumerable<string> words)
    {
        var said = Words().Matches(feedback).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        return words.Any(said.Contains);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\(?\b\d{3}_[0-9a-f]+\.txt\)?[.,;]?|\(general knowledge\)", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    [GeneratedRegex(@"^\s*(right|correct|yes|no|not quite|wrong|incorrect|true|false|partly|not so)\b[.,:;!]?", RegexOptions.IgnoreCase)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"^\W*(this|these|both points|it|that|the \w+)( \w+){0,3} (is|are|was|were|comes?|came)( \w+)? (described|listed|reported|recorded|named|from)\b[^.;]{0,40}[.;]?\s*$|^\W*this is how \w+ describes", RegexOptions.IgnoreCase)]
    private static partial Regex SourceOnly();

    [GeneratedRegex(@"(?<=[.;!?:])\s+")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"^\W*(about |over |up to |almost |some )?\d[\d\s,.:%–-]*\s*(\p{L}+\s*){0,3}\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
