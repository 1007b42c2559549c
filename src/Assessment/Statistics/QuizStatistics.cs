namespace Training.Assessment.Statistics;

public sealed record QuestionStatistics(
    int Number, string QuestionId, string PromptHtml, int Answers, decimal? FacilityPercent, decimal? DiscriminationIndex,
    string? MostChosenWrongOptionHtml, int MostChosenWrongCount);

public sealed record QuizStatistics(
    string CourseSlug, string CourseTitle, string Key, string Title, int Attempts, decimal? PassRatePercent, decimal? AverageScore,
    IReadOnlyList<int> ScoreBands, IReadOnlyList<QuestionStatistics> Questions);
