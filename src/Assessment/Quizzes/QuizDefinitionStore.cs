using System.Collections.Concurrent;
using System.Text.Json;

namespace Training.Assessment.Quizzes;

/// <summary>
/// Quiz versions never change once stored, so each is parsed from JSON once and kept in memory.
/// </summary>
public sealed class QuizDefinitionStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<int, QuizDefinition> byVersion = new();
    private readonly ConcurrentDictionary<int, QuizDefinition> byTranslation = new();

    public static string Serialise(QuizDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public QuizDefinition Get(int versionId, string json) =>
        byVersion.GetOrAdd(versionId, _ => JsonSerializer.Deserialize<QuizDefinition>(json, Json)
            ?? throw new InvalidOperationException($"Quiz version {versionId} has no definition."));

    /// <summary>The quiz as an attempt in the translation's language shows it (<see cref="TranslatedDefinition"/>); translations never change either.</summary>
    public QuizDefinition GetTranslated(int versionId, string json, int translationId, string translationJson) =>
        byTranslation.GetOrAdd(translationId, _ => TranslatedDefinition.Of(Get(versionId, json),
            JsonSerializer.Deserialize<QuizDefinition>(translationJson, Json)
            ?? throw new InvalidOperationException($"Quiz translation {translationId} has no definition.")));

    /// <summary>The version's definition, in a translation when the attempt has one.</summary>
    public QuizDefinition For(int versionId, string json, int? translationId, string? translationJson) =>
        translationId is { } id && translationJson is not null ? GetTranslated(versionId, json, id, translationJson) : Get(versionId, json);
}
