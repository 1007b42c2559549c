using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Training.Assessment.Quizzes;

/// <summary>Reads and checks the list of a matching, ordering or short-text question, as plain text.</summary>
internal sealed partial class AnswerListReader(QuizFileContext file, QuizHeading heading, int headingLine)
{
    private string Id => heading.Id;

    public List<MatchPair> Pairs(ListBlock list)
    {
        var pairs = new List<MatchPair>();
        var lefts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number, text) in ItemTexts(list))
        {
            var arrow = text.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                file.Report(line, $"Item {number} of question '{Id}' has no '=>': write each pair as '- left => right'.");
                continue;
            }
            var pair = new MatchPair(text[..arrow].Trim(), text[(arrow + 2)..].Trim());
            if (pair.Left.Length == 0 || pair.Right.Length == 0)
            {
                file.Report(line, $"Item {number} of question '{Id}' has an empty side: write text on both sides of '=>'.");
                continue;
            }
            if (!lefts.Add(pair.Left))
            {
                file.Report(line, $"Question '{Id}' has '{pair.Left}' twice on the left: each left item must be different.");
                continue;
            }
            pairs.Add(pair);
        }
        if (pairs.Count < 2)
        {
            file.Report(headingLine, $"Question '{Id}' needs at least 2 pairs to match, written as '- left => right'.");
        }
        return pairs;
    }

    public List<string> OrderItems(ListBlock list)
    {
        var items = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number, text) in ItemTexts(list))
        {
            if (text.Length == 0)
            {
                file.Report(line, $"Item {number} of question '{Id}' is empty.");
                continue;
            }
            if (!seen.Add(text))
            {
                file.Report(line, $"Question '{Id}' lists '{text}' twice: every item must be different, or the right order is unclear.");
                continue;
            }
            items.Add(text);
        }
        if (items.Count < 2)
        {
            file.Report(headingLine, $"Question '{Id}' needs at least 2 items to put in order, as a numbered list in the right order.");
        }
        return items;
    }

    public List<string> AcceptedAnswers(ListBlock list)
    {
        var accepted = new List<string>();
        foreach (var (line, number, text) in ItemTexts(list))
        {
            var match = Accepted().Match(text);
            if (!match.Success)
            {
                file.Report(line, $"Item {number} of question '{Id}' does not start with 'accepted:': write each answer as '- accepted: answer'.");
                continue;
            }
            var answer = match.Groups["answer"].Value.Trim();
            if (answer.Length == 0)
            {
                file.Report(line, $"Item {number} of question '{Id}' has no answer after 'accepted:'.");
                continue;
            }
            accepted.Add(answer);
        }
        if (accepted.Count == 0)
        {
            file.Report(headingLine, QuestionReader.NoAnswers(heading));
        }
        return accepted;
    }

    /// <summary>The plain text of each item, its 0-based line and its 1-based number.</summary>
    private List<(int Line, int Number, string Text)> ItemTexts(ListBlock list)
    {
        var texts = new List<(int Line, int Number, string Text)>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var number = texts.Count + 1;
            foreach (var extra in item.Skip(1))
            {
                file.Report(extra.Line, extra is QuoteBlock
                    ? $"Question '{Id}' has feedback indented under item {number}: for a {{{heading.TypeName}}} question, put the '>' feedback after the list, not indented."
                    : $"Item {number} of question '{Id}' has more than one paragraph: write each item on one line.");
            }
            texts.Add((item.Line, number, item.FirstOrDefault() is ParagraphBlock p ? QuizHtml.PlainText(p) : ""));
        }
        return texts;
    }

    [GeneratedRegex(@"^accepted\s*:(?<answer>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Accepted();
}
