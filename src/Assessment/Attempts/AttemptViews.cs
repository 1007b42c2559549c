using Training.Assessment.Grading;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

// What the quiz pages show. Nothing here carries a correct answer or feedback before submission:
// QuestionView has prompts and options only; ReviewQuestion is built for submitted attempts alone.

/// <param name="Definition">The quiz as shown in <see cref="Language"/>: translated text over the original's key.</param>
public sealed record QuizRef(int QuizId, int CourseId, int? ModuleId, int VersionId, string CourseSlug, string CourseTitle, string Key, string Title, QuizDefinition Definition)
{
    /// <summary>The title of a course's final assessment (it has no module): pages show it in the reader's language.</summary>
    public const string FinalAssessmentTitle = "Final assessment";

    /// <summary>The language the quiz is shown in: the course's own, or the translation's.</summary>
    public string Language { get; init; } = "";

    public int? TranslationId { get; init; }
}

public sealed record AttemptSummary(int Id, int Number, AttemptStatus Status, decimal? Score, bool? Passed, DateTime? SubmittedAt);

/// <param name="AttemptsLeft">Null when attempts are unlimited; see <see cref="AttemptRules.AttemptsLeft"/>.</param>
public sealed record QuizOverview(
    string CourseSlug, string CourseTitle, string Key, string Title, int PassMark, int? AttemptsLeft, int? TimeLimitMinutes,
    int QuestionCount, bool IsEnrolled, IReadOnlyList<AttemptSummary> Attempts, int? InProgressAttemptId)
{
    public bool MayStartAnother => AttemptRules.MayStartAnother(AttemptsLeft);

    public bool HasPassed => Attempts.Any(a => a.Passed == true);
}

public sealed record QuestionView(
    string Id, int Number, QuestionType Type, string PromptHtml,
    IReadOnlyList<OptionDefinitionView> Options, IReadOnlyList<string> Lefts, IReadOnlyList<string> Choices, QuestionAnswer? Saved);

public sealed record OptionDefinitionView(string Key, string TextHtml);

public sealed record AttemptPageLink(int Page, bool Answered);

public sealed record AttemptPage(
    int AttemptId, string CourseSlug, string CourseTitle, string QuizKey, string QuizTitle, int Number,
    int Page, int PageCount, DateTime? DeadlineAt, int? SecondsLeft, string? ScenarioHtml, IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<AttemptPageLink> Pages, int AnsweredCount, int QuestionCount)
{
    /// <summary>The language the attempt is shown in, fixed when it started.</summary>
    public string Language { get; init; } = "";
}

public sealed record ReviewQuestion(
    int Number, string PromptHtml, string? ScenarioHtml, decimal Score, IReadOnlyList<string> YourAnswer,
    IReadOnlyList<string> CorrectAnswer, IReadOnlyList<string> FeedbackHtml, Quizzes.QuestionType Type = Quizzes.QuestionType.SingleChoice);

public sealed record AttemptResult(
    int AttemptId, string CourseSlug, string CourseTitle, string QuizKey, string QuizTitle, int Number,
    decimal Score, bool Passed, int PassMark, int? AttemptsLeft, bool MayReview, IReadOnlyList<ReviewQuestion> Questions,
    bool ModuleCompleted, bool CourseCompleted)
{
    /// <summary>The language the attempt was taken in.</summary>
    public string Language { get; init; } = "";

    public bool MayStartAnother => AttemptRules.MayStartAnother(AttemptsLeft);
}
