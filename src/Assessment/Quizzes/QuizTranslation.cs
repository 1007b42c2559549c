namespace Training.Assessment.Quizzes;

/// <summary>
/// A quiz version's text in another language, from translations/&lt;language&gt;/. It belongs to the
/// original version it was imported with and, like a version, never changes once stored: an edited
/// translation is a new row, so an attempt keeps the exact text it was started with. Settings and the
/// answer key always come from the original version.
/// </summary>
public class QuizTranslation
{
    public int Id { get; set; }

    public int QuizVersionId { get; set; }

    public QuizVersion QuizVersion { get; set; } = null!;

    /// <summary>ISO 639-1 code: fr, es, ar.</summary>
    public string Language { get; set; } = "";

    /// <summary>SHA-256 of the translated quiz file, hex.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The translated file parsed to a <see cref="QuizDefinition"/>, as JSON.</summary>
    public string Definition { get; set; } = "";

    /// <summary>The one a new attempt in this language takes; false for older texts and removed files.</summary>
    public bool IsCurrent { get; set; }

    public DateTime ImportedAt { get; set; }
}
