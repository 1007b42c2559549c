using System.Text.Json.Serialization;

namespace Training.Assessment.Attempts;

/// <summary>What an attempt shows, in its order: fixed when the attempt starts.</summary>
public sealed record AttemptLayout(IReadOnlyList<LaidOutItem> Items)
{
    [JsonIgnore]
    public IEnumerable<LaidOutQuestion> Questions => Items.SelectMany(i => i.Questions);
}

public sealed record LaidOutItem(string ItemId, IReadOnlyList<LaidOutQuestion> Questions);

/// <summary>
/// One question's presentation: option keys in the order shown (choice questions), right-hand choices in
/// the order offered (matching), items in their starting order (ordering).
/// </summary>
public sealed record LaidOutQuestion(string QuestionId, IReadOnlyList<string> OptionOrder, IReadOnlyList<string> ChoiceOrder);
