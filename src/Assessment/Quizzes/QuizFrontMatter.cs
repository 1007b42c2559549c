namespace Training.Assessment.Quizzes;

// The YAML shape trainers write at the top of a quiz file. Nullable so a missing key takes the default of
// QuizDefinition; an unknown key is an error, so a typo such as "pasMark" is reported, not ignored.
public sealed class QuizFrontMatter
{
    public int? PassMark { get; set; }

    public int? AttemptLimit { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public bool? ReviewAfterSubmit { get; set; }

    public int? Draw { get; set; }

    public bool? Shuffle { get; set; }

    public bool? PartialCredit { get; set; }
}
