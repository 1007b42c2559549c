using Training.Assessment.Attempts;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Tests.Attempts;

public sealed class AttemptDrawTests
{
    private static QuizDefinition Pool(int items, int? draw, bool shuffle) => new()
    {
        Draw = draw,
        Shuffle = shuffle,
        Items = Enumerable.Range(1, items).Select(i => new PoolItem
        {
            Id = $"q{i}",
            Questions =
            [
                new QuestionDefinition
                {
                    Id = $"q{i}",
                    Type = QuestionType.SingleChoice,
                    Options = [new("a", "A", true, null), new("b", "B", false, null), new("c", "C", false, null), new("d", "D", false, null)],
                },
            ],
        }).ToList(),
    };

    [Fact]
    public void A_draw_picks_that_many_distinct_items_from_the_pool()
    {
        var layout = AttemptDraw.Lay(Pool(25, draw: 10, shuffle: true), new Random(1));

        Assert.Equal(10, layout.Items.Count);
        Assert.Equal(10, layout.Items.Select(i => i.ItemId).Distinct().Count());
    }

    [Fact]
    public void Different_attempts_get_different_questions_and_option_orders()
    {
        var quiz = Pool(25, draw: 10, shuffle: true);

        var first = AttemptDraw.Lay(quiz, new Random(1));
        var second = AttemptDraw.Lay(quiz, new Random(2));

        Assert.NotEqual(first.Items.Select(i => i.ItemId), second.Items.Select(i => i.ItemId));
        var firstOptions = first.Questions.Select(q => string.Concat(q.OptionOrder));
        Assert.Contains(firstOptions, order => order != "abcd");
    }

    [Fact]
    public void Without_shuffle_questions_and_options_keep_the_file_order()
    {
        var layout = AttemptDraw.Lay(Pool(5, draw: null, shuffle: false), new Random(3));

        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], layout.Items.Select(i => i.ItemId));
        Assert.All(layout.Questions, q => Assert.Equal(["a", "b", "c", "d"], q.OptionOrder));
    }

    [Fact]
    public void Ordering_items_never_start_in_the_correct_order()
    {
        var quiz = new QuizDefinition
        {
            Shuffle = false,
            Items = [new PoolItem { Id = "steps", Questions = [new QuestionDefinition { Id = "steps", Type = QuestionType.Ordering, OrderItems = ["one", "two", "three"] }] }],
        };

        for (var seed = 0; seed < 50; seed++)
        {
            var layout = AttemptDraw.Lay(quiz, new Random(seed));
            Assert.NotEqual(["one", "two", "three"], layout.Questions.Single().ChoiceOrder);
        }
    }
}
