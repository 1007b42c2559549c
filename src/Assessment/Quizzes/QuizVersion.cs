namespace Training.Assessment.Quizzes;

/// <summary>One version of a quiz file, identified by its hash. Attempts are graded against their version.</summary>
public class QuizVersion
{
    public int Id { get; set; }

    public int QuizId { get; set; }

    public Quiz Quiz { get; set; } = null!;

    public string ContentHash { get; set; } = "";

    /// <summary>The parsed <see cref="QuizDefinition"/> as JSON.</summary>
    public string Definition { get; set; } = "";

    public DateTime ImportedAt { get; set; }
}
