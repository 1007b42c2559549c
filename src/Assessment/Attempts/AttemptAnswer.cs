namespace Training.Assessment.Attempts;

/// <summary>The latest saved answer to one question of an attempt.</summary>
public class AttemptAnswer
{
    public int Id { get; set; }

    public int AttemptId { get; set; }

    public string QuestionId { get; set; } = "";

    /// <summary>The <see cref="Grading.QuestionAnswer"/> as JSON.</summary>
    public string Answer { get; set; } = "";

    /// <summary>
    /// The key of the browser save that wrote this answer. The browser sends its saves one at a time and
    /// retries a save with the same key, so a key equal to this one is a retry and changes nothing.
    /// </summary>
    public string? SaveKey { get; set; }

    public DateTime SavedAt { get; set; }
}
