namespace Training.Assessment.Grading;

/// <summary>
/// A learner's answer to one question, as saved during an attempt. Which fields apply depends on the type:
/// Choices (option keys) for single, multiple, true/false; Matches (left → chosen right) for matching;
/// Order (items in the learner's order) for ordering; Text for short text.
/// </summary>
public sealed record QuestionAnswer
{
    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyDictionary<string, string> Matches { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Order { get; init; } = [];

    public string? Text { get; init; }
}
