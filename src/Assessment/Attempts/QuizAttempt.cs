using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

public enum AttemptStatus { InProgress, Submitted }

/// <summary>
/// One try at a quiz. Created on the server with its drawn questions and their order (the layout), so a
/// learner resumes the same attempt on any computer, and graded once.
/// </summary>
public class QuizAttempt
{
    public int Id { get; set; }

    public int QuizId { get; set; }

    public int QuizVersionId { get; set; }

    public QuizVersion QuizVersion { get; set; } = null!;

    public string UserId { get; set; } = "";

    /// <summary>
    /// The language the attempt is shown in, fixed when it starts: the course's own language, or that of
    /// the translation it was started with.
    /// </summary>
    public string Language { get; set; } = "";

    /// <summary>The translated text the attempt shows; null when it shows the original.</summary>
    public int? QuizTranslationId { get; set; }

    /// <summary>1 for the learner's first attempt at this quiz, and so on.</summary>
    public int Number { get; set; }

    public AttemptStatus Status { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>Start plus the time limit, by the server's clock; null without a limit.</summary>
    public DateTime? DeadlineAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Percentage, 0 to 100, once graded.</summary>
    public decimal? Score { get; set; }

    public bool? Passed { get; set; }

    /// <summary>The drawn questions and option orders as JSON (<see cref="AttemptLayout"/>).</summary>
    public string Layout { get; set; } = "";

    /// <summary>Per-question scores (0 to 1) as JSON, once graded.</summary>
    public string? QuestionScores { get; set; }

    public List<AttemptAnswer> Answers { get; set; } = [];
}
