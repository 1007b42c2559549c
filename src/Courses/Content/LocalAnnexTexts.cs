namespace Training.Courses.Content;

/// <summary>An annex held in memory: none at all (checks without a site), or texts a test gives.</summary>
public sealed class LocalAnnexTexts(IReadOnlyDictionary<string, string> texts) : ILocalAnnex
{
    public static LocalAnnexTexts None { get; } = new(new Dictionary<string, string>());

    public string? Find(string name) => texts.GetValueOrDefault(name);
}
