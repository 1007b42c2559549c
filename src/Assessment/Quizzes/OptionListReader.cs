using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Training.Assessment.Quizzes;

/// <summary>Reads and checks the options of a single, multiple or true-false question: '- [x] text' with '> feedback'.</summary>
internal sealed partial class OptionListReader(QuizFileContext file, QuizHeading heading, int headingLine)
{
    private const int MarkerLength = 3;

    private string Id => heading.Id;

    public List<OptionDefinition> Read(ListBlock list)
    {
        var options = new List<OptionDefinition>();
        var plainTexts = new List<string>();
        foreach (var (item, number) in list.OfType<ListItemBlock>().Select((item, index) => (item, index + 1)))
        {
            if (item.FirstOrDefault() is not ParagraphBlock paragraph)
            {
                file.Report(item.Line, $"Option {number} of question '{Id}' has no text.");
                continue;
            }
            options.Add(ReadOption(item, paragraph, number, OptionKey(options.Count)));
            plainTexts.Add(QuizHtml.PlainText(paragraph));
        }
        Check(options, plainTexts);
        return options;
    }

    /// <summary>Reads one option, taking its [x] or [ ] marker out of the paragraph.</summary>
    private OptionDefinition ReadOption(ListItemBlock item, ParagraphBlock paragraph, int number, string key)
    {
        foreach (var extra in item.Skip(1).Where(b => b is not QuoteBlock))
        {
            file.Report(extra.Line, $"Option {number} of question '{Id}' has more than one paragraph: keep an option to one paragraph, with its feedback on an indented '>' line.");
        }
        // Without a task-list extension, "[x]" reaches us as literal text at the start of the paragraph.
        var marker = Marker().Match(file.SourceLine(paragraph.Line, paragraph.Column));
        if (marker.Success)
        {
            RemoveLeadingText(paragraph.Inline, MarkerLength);
        }
        else
        {
            file.Report(item.Line, $"Option {number} of question '{Id}' does not start with [x] or [ ]: write '- [x] text' for a right answer and '- [ ] text' for a wrong one.");
        }
        var text = QuizHtml.Inline(paragraph);
        if (text.Length == 0)
        {
            file.Report(item.Line, $"Option {number} of question '{Id}' has no text.");
        }
        var feedback = QuizHtml.Blocks(item.OfType<QuoteBlock>().SelectMany(q => q.ToList()));
        var isCorrect = marker.Success && marker.Groups["mark"].Value is "x" or "X";
        return new OptionDefinition(key, text, isCorrect, feedback.Length > 0 ? feedback : null);
    }

    /// <summary>True when a list's first item starts with [x] or [ ]: an option list, wherever it sits.</summary>
    public static bool IsOptionList(ListBlock list, QuizFileContext file) =>
        list.FirstOrDefault() is ListItemBlock { Count: > 0 } item && item[0] is ParagraphBlock paragraph
        && Marker().IsMatch(file.SourceLine(paragraph.Line, paragraph.Column));

    private void Check(List<OptionDefinition> options, List<string> plainTexts)
    {
        if (options.Count < 2)
        {
            file.Report(headingLine, $"Question '{Id}' needs at least 2 options: '- [x] right answer' and '- [ ] wrong answer'.");
        }
        var correct = options.Count(o => o.IsCorrect);
        if (correct == 0)
        {
            file.Report(headingLine, heading.Type == QuestionType.MultipleChoice
                ? $"Question '{Id}' has no correct answer: mark at least one option with [x]."
                : $"Question '{Id}' has no correct answer: mark one option with [x].");
        }
        else if (correct > 1 && heading.Type != QuestionType.MultipleChoice)
        {
            file.Report(headingLine, $"Question '{Id}' has {correct} correct answers, but a {{{heading.TypeName}}} question has exactly one. Use {{multiple}} if several are right.");
        }
        if (heading.Type == QuestionType.TrueFalse && !IsTrueAndFalse(plainTexts))
        {
            file.Report(headingLine, $"Question '{Id}' is true-false, so its options must be exactly 'True' and 'False'.");
        }
    }

    private static bool IsTrueAndFalse(List<string> texts) =>
        texts.Count == 2
        && texts.Any(t => string.Equals(t, "True", StringComparison.OrdinalIgnoreCase))
        && texts.Any(t => string.Equals(t, "False", StringComparison.OrdinalIgnoreCase));

    /// <summary>a, b, ... z, then aa, ab, ...: keys stay short and in file order.</summary>
    private static string OptionKey(int index) =>
        index < 26 ? ((char)('a' + index)).ToString() : OptionKey((index / 26) - 1) + OptionKey(index % 26);

    private static void RemoveLeadingText(ContainerInline? inline, int length)
    {
        while (length > 0 && inline?.FirstChild is LiteralInline literal)
        {
            var take = Math.Min(length, literal.Content.Length);
            literal.Content.Start += take;
            length -= take;
            if (literal.Content.IsEmpty)
            {
                literal.Remove();
            }
        }
        if (inline?.FirstChild is LiteralInline first)
        {
            first.Content.TrimStart();
        }
    }

    [GeneratedRegex(@"^\[(?<mark>[ xX])\]")]
    private static partial Regex Marker();
}
