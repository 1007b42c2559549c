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

    public static string Serialise(QuizDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public QuizDefinition Get(int versionId, string json) =>
        byVersion.GetOrAdd(versionId, _ => JsonSerializer.Deserialize<QuizDefinition>(json, Json)
            ?? throw new InvalidOperationException($"Quiz version {versionId} has no definition."));
}
