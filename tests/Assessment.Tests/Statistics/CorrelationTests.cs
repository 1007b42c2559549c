using Training.Assessment.Statistics;

namespace Training.Assessment.Tests.Statistics;

public sealed class CorrelationTests
{
    [Fact]
    public void A_question_answered_right_exactly_by_the_strong_attempts_correlates_fully()
    {
        var r = QuizStatisticsQuery.Correlation([(1, 0.9), (1, 0.8), (0, 0.2), (0, 0.1)]);

        Assert.NotNull(r);
        Assert.True(r > 0.95, $"r = {r}");
    }

    [Fact]
    public void A_question_the_weak_attempts_get_right_correlates_negatively()
    {
        Assert.True(QuizStatisticsQuery.Correlation([(0, 0.9), (0, 0.8), (1, 0.2), (1, 0.1)]) < -0.95);
    }

    [Fact]
    public void Without_spread_there_is_no_index()
    {
        Assert.Null(QuizStatisticsQuery.Correlation([(1, 0.9), (1, 0.2)]));
        Assert.Null(QuizStatisticsQuery.Correlation([(1, 0.9)]));
    }
}
