using Markdig.Syntax;

namespace Training.Assessment.Quizzes;

/// <summary>
/// Reads the blocks under one question heading: the prompt, then the answer list (the last list, so a
/// prompt may hold a list of its own), then '>' feedback.
/// </summary>
internal static class QuestionReader
{
    public static QuestionDefinition Read(QuizFileContext file, QuizHeading heading, int headingLine, IReadOnlyList<Block> body)
    {
        var id = heading.Id;
        var type = heading.Type!.Value;
        var listIndex = LastIndexOf(body, b => b is ListBlock);
        var answerStart = listIndex >= 0 ? listIndex : TrailingQuotesStart(body);
        var prompt = body.Take(answerStart).ToList();
        var after = body.Skip(listIndex >= 0 ? listIndex + 1 : answerStart).ToList();
        var list = listIndex >= 0 ? (ListBlock)body[listIndex] : null;

        if (prompt.Count == 0)
        {
            file.Report(headingLine, $"Question '{id}' has no prompt: write the question under its heading.");
        }
        foreach (var stray in after.Where(b => b is not QuoteBlock))
        {
            file.Report(stray.Line, $"Question '{id}' has text after its answers that learners will not see: put the question before the list and feedback in a '>' block after it.");
        }
        var feedback = QuizHtml.Blocks(after.OfType<QuoteBlock>().SelectMany(q => q.ToList()));

        var question = new QuestionDefinition
        {
            Id = id,
            Type = type,
            Recall = heading.Tags.Contains(QuizHeading.RecallTag),
            Line = headingLine + 1,
            PromptHtml = QuizHtml.Blocks(prompt),
            FeedbackHtml = feedback.Length > 0 ? feedback : null,
        };
        return WithAnswers(question, file, heading, headingLine, prompt, list);
    }

    private static QuestionDefinition WithAnswers(QuestionDefinition question, QuizFileContext file, QuizHeading heading, int headingLine, List<Block> prompt, ListBlock? list)
    {
        var type = question.Type;
        if (IsChoice(type) && prompt.OfType<ListBlock>().FirstOrDefault(l => OptionListReader.IsOptionList(l, file)) is { } split)
        {
            // A '>' line that is not indented ends the list, so the options after it form a new one. The
            // counts of a split list would only add confusing problems, so this one is reported alone.
            file.Report(split.Line, $"The options of question '{question.Id}' are split into several lists: indent each '>' feedback line by two spaces under its option, and keep the options together.");
            return question;
        }
        if (list is null)
        {
            file.Report(headingLine, NoAnswers(heading));
            return question;
        }
        var answers = new AnswerListReader(file, heading, headingLine);
        return type switch
        {
            _ when IsChoice(type) => question with { Options = new OptionListReader(file, heading, headingLine).Read(list) },
            QuestionType.Matching => question with { Pairs = answers.Pairs(list) },
            QuestionType.Ordering => question with { OrderItems = answers.OrderItems(list) },
            _ => question with { AcceptedAnswers = answers.AcceptedAnswers(list) },
        };
    }

    public static string NoAnswers(QuizHeading heading) => heading.Type switch
    {
        QuestionType.Matching => $"Question '{heading.Id}' has no pairs to match: add a list of pairs, '- left => right'.",
        QuestionType.Ordering => $"Question '{heading.Id}' has no items to put in order: add a numbered list of the items in the right order.",
        QuestionType.ShortText => $"Question '{heading.Id}' has no accepted answers: add lines such as '- accepted: nursing'.",
        _ => $"Question '{heading.Id}' has no options: add a list such as '- [x] right answer' and '- [ ] wrong answer'.",
    };

    private static bool IsChoice(QuestionType type) =>
        type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse;

    private static int LastIndexOf(IReadOnlyList<Block> blocks, Func<Block, bool> match)
    {
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (match(blocks[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static int TrailingQuotesStart(IReadOnlyList<Block> blocks)
    {
        var start = blocks.Count;
        while (start > 0 && blocks[start - 1] is QuoteBlock)
        {
            start--;
        }
        return start;
    }
}
