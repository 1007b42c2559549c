using Training.Assessment.Grading;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Tests.Grading;

public sealed class QuizGraderTests
{
    /// <summary>Options a to c; b is correct.</summary>
    private static readonly QuestionDefinition Single = Choice(QuestionType.SingleChoice, 3, "b");

    private static readonly QuestionDefinition TrueFalse = Choice(QuestionType.TrueFalse, 2, "a");

    /// <summary>Options a to e; a, b and c are correct, so each right choice earns 1/3 and each wrong one costs 1/2.</summary>
    private static readonly QuestionDefinition Multiple = Choice(QuestionType.MultipleChoice, 5, "a", "b", "c");

    private static readonly QuestionDefinition Matching = new()
    {
        Id = "m",
        Type = QuestionType.Matching,
        Pairs = [new("ILO C181", "agencies"), new("CEDAW", "women"), new("Palermo", "trafficking"), new("C189", "domestic work")],
    };

    private static readonly QuestionDefinition Ordering = new()
    {
        Id = "o",
        Type = QuestionType.Ordering,
        OrderItems = ["safety", "explain", "refer", "follow up"],
    };

    private static readonly QuestionDefinition ShortText = new()
    {
        Id = "s",
        Type = QuestionType.ShortText,
        AcceptedAnswers = ["nursing", "Health  care"],
    };

    public static TheoryData<QuestionDefinition> AllTypes => [Single, TrueFalse, Multiple, Matching, Ordering, ShortText];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void A_null_answer_scores_zero(QuestionDefinition question)
    {
        Assert.Equal(0m, QuizGrader.Grade(question, null, partialCredit: true));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void An_empty_answer_scores_zero(QuestionDefinition question)
    {
        Assert.Equal(0m, QuizGrader.Grade(question, new QuestionAnswer(), partialCredit: true));
    }

    [Theory]
    [InlineData(new[] { "b" }, 1)]
    [InlineData(new[] { "b", "b" }, 1)]
    [InlineData(new[] { "a" }, 0)]
    [InlineData(new[] { "a", "b" }, 0)]
    [InlineData(new[] { "b", "z" }, 0)]
    [InlineData(new[] { "B" }, 0)]
    public void Single_choice_scores_one_only_for_exactly_the_correct_option(string[] choices, int expected)
    {
        Assert.Equal(expected, QuizGrader.Grade(Single, new QuestionAnswer { Choices = choices }, partialCredit: true));
    }

    [Theory]
    [InlineData(new[] { "a" }, 1)]
    [InlineData(new[] { "b" }, 0)]
    [InlineData(new[] { "a", "b" }, 0)]
    public void True_false_scores_one_only_for_the_correct_option(string[] choices, int expected)
    {
        Assert.Equal(expected, QuizGrader.Grade(TrueFalse, new QuestionAnswer { Choices = choices }, partialCredit: false));
    }

    public static TheoryData<string[], decimal> MultiplePartial => new()
    {
        { ["a", "b", "c"], 1m },
        { ["c", "a", "b"], 1m },
        { ["a", "b"], 2m / 3 },
        { ["a"], 1m / 3 },
        { ["a", "b", "c", "d"], 1m - (1m / 2) },
        { ["a", "d"], 0m },
        { ["a", "b", "c", "d", "e"], 0m },
        { ["d", "e"], 0m },
        { ["a", "a", "b", "b"], 2m / 3 },
        { ["a", "b", "c", "x"], 1m - (1m / 2) },
        { ["a", "b", "x", "y", "z"], 0m },
    };

    [Theory]
    [MemberData(nameof(MultiplePartial))]
    public void Multiple_choice_with_partial_credit_subtracts_the_wrong_share_from_the_right_share(string[] choices, decimal expected)
    {
        Assert.Equal(expected, QuizGrader.Grade(Multiple, new QuestionAnswer { Choices = choices }, partialCredit: true));
    }

    [Fact]
    public void Multiple_choice_with_every_option_correct_has_no_penalty_term()
    {
        var allCorrect = Multiple with { Options = [.. Multiple.Options.Select(o => o with { IsCorrect = true })] };

        Assert.Equal(2m / 5, QuizGrader.Grade(allCorrect, new QuestionAnswer { Choices = ["a", "b", "x"] }, partialCredit: true));
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, 1)]
    [InlineData(new[] { "c", "b", "a", "a" }, 1)]
    [InlineData(new[] { "a", "b" }, 0)]
    [InlineData(new[] { "a", "b", "c", "d" }, 0)]
    [InlineData(new[] { "a", "b", "c", "x" }, 0)]
    public void Multiple_choice_without_partial_credit_needs_exactly_the_correct_set(string[] choices, int expected)
    {
        Assert.Equal(expected, QuizGrader.Grade(Multiple, new QuestionAnswer { Choices = choices }, partialCredit: false));
    }

    [Fact]
    public void Matching_with_partial_credit_scores_the_share_of_left_items_matched_right()
    {
        var answer = new QuestionAnswer
        {
            Matches = new Dictionary<string, string>
            {
                ["ILO C181"] = "agencies",
                ["CEDAW"] = "trafficking",
                ["Palermo"] = "trafficking",
                ["unknown"] = "women",
            },
        };

        Assert.Equal(2m / 4, QuizGrader.Grade(Matching, answer, partialCredit: true));
        Assert.Equal(0m, QuizGrader.Grade(Matching, answer, partialCredit: false));
    }

    [Fact]
    public void Matching_every_pair_right_scores_one_with_or_without_partial_credit()
    {
        var answer = new QuestionAnswer { Matches = Matching.Pairs.ToDictionary(p => p.Left, p => p.Right) };

        Assert.Equal(1m, QuizGrader.Grade(Matching, answer, partialCredit: true));
        Assert.Equal(1m, QuizGrader.Grade(Matching, answer, partialCredit: false));
    }

    public static TheoryData<string[], bool, decimal> OrderingCases => new()
    {
        { ["safety", "explain", "refer", "follow up"], true, 1m },
        { ["safety", "explain", "refer", "follow up"], false, 1m },
        { ["safety", "refer", "explain", "follow up"], true, 2m / 4 },
        { ["safety", "refer", "explain", "follow up"], false, 0m },
        { ["follow up", "refer", "explain", "safety"], true, 0m },
        { ["safety", "explain"], true, 2m / 4 },
        { ["safety", "explain"], false, 0m },
        { ["safety", "explain", "refer", "follow up", "extra"], true, 1m },
        { ["safety", "explain", "refer", "follow up", "extra"], false, 0m },
        { ["safety", "other", "refer", "follow up"], true, 3m / 4 },
        { ["Safety", "explain", "refer", "follow up"], true, 3m / 4 },
    };

    [Theory]
    [MemberData(nameof(OrderingCases))]
    public void Ordering_scores_items_at_their_correct_position(string[] order, bool partialCredit, decimal expected)
    {
        Assert.Equal(expected, QuizGrader.Grade(Ordering, new QuestionAnswer { Order = order }, partialCredit));
    }

    [Theory]
    [InlineData("nursing", 1)]
    [InlineData("  NURSING \t", 1)]
    [InlineData("health care", 1)]
    [InlineData("Health \n  Care", 1)]
    [InlineData("healthcare", 0)]
    [InlineData("nurse", 0)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    public void Short_text_ignores_case_and_extra_whitespace(string text, int expected)
    {
        Assert.Equal(expected, QuizGrader.Grade(ShortText, new QuestionAnswer { Text = text }, partialCredit: true));
    }

    [Fact]
    public void Short_text_matches_an_accent_typed_as_a_separate_mark()
    {
        var question = ShortText with { AcceptedAnswers = ["caf\u00e9"] };

        Assert.Equal(1m, QuizGrader.Grade(question, new QuestionAnswer { Text = "Cafe\u0301" }, partialCredit: false));
    }

    [Theory]
    [InlineData("  Health   Care ", "health care")]
    [InlineData("a\tb\nc", "a b c")]
    [InlineData("", "")]
    public void NormaliseText_trims_collapses_whitespace_and_lowers_case(string text, string expected)
    {
        Assert.Equal(expected, QuizGrader.NormaliseText(text));
    }

    [Fact]
    public void Grades_are_not_rounded()
    {
        Assert.Equal(1m / 3, QuizGrader.Grade(Multiple, new QuestionAnswer { Choices = ["a"] }, partialCredit: true));
    }

    private static QuestionDefinition Choice(QuestionType type, int optionCount, params string[] correct) => new()
    {
        Id = "q",
        Type = type,
        Options = [.. Enumerable.Range(0, optionCount).Select(i => ((char)('a' + i)).ToString())
            .Select(k => new OptionDefinition(k, k, correct.Contains(k), null))],
    };
}
