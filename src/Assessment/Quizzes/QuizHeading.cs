using System.Text.RegularExpressions;

namespace Training.Assessment.Quizzes;

/// <summary>
/// A quiz heading read from its raw text: "## id {type}" for a question, "## scenario: id" for a scenario.
/// Read from the source line rather than Markdig's inlines, so an id such as "a_b_c" is never emphasis.
/// Words after the type inside the braces are tags: "## id {single recall}".
/// </summary>
internal sealed partial record QuizHeading(string Id, bool IsScenario, string? TypeName, QuestionType? Type)
{
    /// <summary>The words written after the type, such as "recall"; checked by the body reader.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>"recall": the question tests memory of a date, number or programme name (courses keep these few).</summary>
    public const string RecallTag = "recall";
    public static readonly IReadOnlyDictionary<string, QuestionType> Types = new Dictionary<string, QuestionType>(StringComparer.Ordinal)
    {
        ["single"] = QuestionType.SingleChoice,
        ["multiple"] = QuestionType.MultipleChoice,
        ["true-false"] = QuestionType.TrueFalse,
        ["matching"] = QuestionType.Matching,
        ["ordering"] = QuestionType.Ordering,
        ["short-text"] = QuestionType.ShortText,
    };

    public const string TypeList = "single, multiple, true-false, matching, ordering or short-text";

    public static QuizHeading Read(string sourceLine)
    {
        var text = sourceLine.Trim().TrimStart('#').Trim();
        var scenario = ScenarioPattern().Match(text);
        if (scenario.Success)
        {
            return new QuizHeading(scenario.Groups["id"].Value.Trim(), IsScenario: true, null, null);
        }
        var question = QuestionPattern().Match(text);
        if (!question.Success)
        {
            return new QuizHeading(text, IsScenario: false, null, null);
        }
        var words = question.Groups["type"].Value.Split(' ', '\t').Where(w => w.Length > 0).ToList();
        var typeName = words.FirstOrDefault() ?? "";
        return new QuizHeading(question.Groups["id"].Value.Trim(), IsScenario: false, typeName,
            Types.TryGetValue(typeName, out var type) ? type : null) { Tags = words.Skip(1).ToList() };
    }

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex(@"^scenario\s*:(?<id>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ScenarioPattern();

    [GeneratedRegex(@"^(?<id>.*?)\{(?<type>[^}]*)\}\s*$")]
    private static partial Regex QuestionPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
