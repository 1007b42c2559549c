using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

/// <summary>Picks and orders an attempt's questions when it starts: the pool draw and the shuffles.</summary>
public static class AttemptDraw
{
    public static AttemptLayout Lay(QuizDefinition quiz, Random random)
    {
        var items = quiz.Items.ToList();
        if (quiz.Draw is { } draw && draw < items.Count)
        {
            var drawn = items.OrderBy(_ => random.Next()).Take(draw).ToHashSet();
            items = items.Where(drawn.Contains).ToList(); // file order unless shuffled below
        }
        if (quiz.Shuffle)
        {
            items = items.OrderBy(_ => random.Next()).ToList();
        }
        return new AttemptLayout(items.Select(item => new LaidOutItem(item.Id,
            // A scenario's questions keep their order: later ones may build on earlier ones.
            item.Questions.Select(q => Lay(q, quiz.Shuffle, random)).ToList())).ToList());
    }

    private static LaidOutQuestion Lay(QuestionDefinition question, bool shuffle, Random random)
    {
        var options = question.Options.Select(o => o.Key).ToList();
        if (shuffle && question.Type != QuestionType.TrueFalse)
        {
            options = options.OrderBy(_ => random.Next()).ToList();
        }
        var choices = question.Type switch
        {
            // Right-hand sides and ordering items are always mixed: in file order they give the answer away.
            QuestionType.Matching => Mix(question.Pairs.Select(p => p.Right).Distinct().ToList(), random),
            QuestionType.Ordering => Mix(question.OrderItems.ToList(), random),
            _ => [],
        };
        return new LaidOutQuestion(question.Id, options, choices);
    }

    private static List<string> Mix(List<string> items, Random random)
    {
        if (items.Count < 2)
        {
            return items;
        }
        for (var tries = 0; tries < 10; tries++)
        {
            var mixed = items.OrderBy(_ => random.Next()).ToList();
            if (!mixed.SequenceEqual(items))
            {
                return mixed;
            }
        }
        return [.. items.Skip(1), items[0]];
    }
}
