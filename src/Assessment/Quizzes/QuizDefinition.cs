using System.Text.Json.Serialization;

namespace Training.Assessment.Quizzes;

public enum QuestionType { SingleChoice, MultipleChoice, TrueFalse, Matching, Ordering, ShortText }

/// <summary>
/// A quiz as parsed from NN-slug.quiz.md or final.quiz.md. Stored as JSON per quiz version, so an attempt
/// is always graded against the exact questions it was given. HTML fields are rendered and sanitised.
/// </summary>
public sealed record QuizDefinition
{
    /// <summary>The module slug the quiz belongs to, or null for the course's final assessment.</summary>
    public string? ModuleSlug { get; init; }

    public int PassMark { get; init; } = 70;

    /// <summary>0 means unlimited.</summary>
    public int AttemptLimit { get; init; }

    public int? TimeLimitMinutes { get; init; }

    public bool ReviewAfterSubmit { get; init; } = true;

    /// <summary>Draw this many pool items per attempt; null draws them all. A scenario is one item.</summary>
    public int? Draw { get; init; }

    public bool Shuffle { get; init; } = true;

    /// <summary>Multiple-choice, matching and ordering questions earn part marks when true.</summary>
    public bool PartialCredit { get; init; } = true;

    public IReadOnlyList<PoolItem> Items { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<QuestionDefinition> AllQuestions => Items.SelectMany(i => i.Questions);
}

/// <summary>One thing a draw picks: a lone question, or a scenario with its questions.</summary>
public sealed record PoolItem
{
    /// <summary>The scenario id, or the question id for a lone question.</summary>
    public string Id { get; init; } = "";

    /// <summary>The case text of a scenario; null for a lone question.</summary>
    public string? ScenarioHtml { get; init; }

    public IReadOnlyList<QuestionDefinition> Questions { get; init; } = [];

    /// <summary>The 1-based line of the item's heading in its file, for messages.</summary>
    public int Line { get; init; }
}

public sealed record QuestionDefinition
{
    /// <summary>Unique within the quiz: lower-case words with hyphens.</summary>
    public string Id { get; init; } = "";

    public QuestionType Type { get; init; }

    /// <summary>Tagged "recall" ("## id {single recall}"): it tests memory of a date, number or programme name.</summary>
    public bool Recall { get; init; }

    public string PromptHtml { get; init; } = "";

    /// <summary>Single, multiple and true/false: the options, keyed "a", "b", ... in file order.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    /// <summary>Matching: each left item with its right answer, in file order.</summary>
    public IReadOnlyList<MatchPair> Pairs { get; init; } = [];

    /// <summary>Ordering: the items in their correct order.</summary>
    public IReadOnlyList<string> OrderItems { get; init; } = [];

    /// <summary>Short text: accepted answers, compared ignoring case and extra whitespace.</summary>
    public IReadOnlyList<string> AcceptedAnswers { get; init; } = [];

    /// <summary>Feedback on the whole question (matching, ordering, short text; optional for others).</summary>
    public string? FeedbackHtml { get; init; }

    /// <summary>The 1-based line of the question's heading in its file, for messages.</summary>
    public int Line { get; init; }
}

public sealed record OptionDefinition(string Key, string TextHtml, bool IsCorrect, string? FeedbackHtml);

public sealed record MatchPair(string Left, string Right);
