namespace Training.Assessment.Statistics;

public sealed record QuestionStatistics(
    int Number, string QuestionId, string PromptHtml, int Answers, decimal? FacilityPercent, decimal? DiscriminationIndex,
    string? MostChosenWrongOptionHtml, int MostChosenWrongCount);

public sealed record QuizStatistics(
    string CourseSlug, string CourseTitle, string Key, string Title, int Attempts, decimal? PassRatePercent, decimal? AverageScore,
    IReadOnlyList<int> ScoreBands, IReadOnlyList<QuestionStatistics> Questions)
{
    /// <summary>The language the figures are limited to; null: every attempt.</summary>
    public string? Language { get; init; }

    /// <summary>The languages the quiz's attempts were taken in, with how many submitted attempts each.</summary>
    public IReadOnlyList<LanguageCount> Languages { get; init; } = [];
}

public sealed record LanguageCount(string Language, int Attempts);
