using Training.Assessment.Grading;
using Training.Assessment.Quizzes;

namespace Training.Assessment.Attempts;

/// <summary>
/// Reads answers from form fields, the same for a page post without JavaScript and for a script's save:
/// q-{id} (chosen option keys, or the text), q-{id}-m{left index} (chosen right side),
/// q-{id}-o{item index} (position of an ordering item), and one "present" field per question on the form (its id),
/// so that clearing every box saves an empty answer.
/// </summary>
public static class AnswerForm
{
    public static Dictionary<string, QuestionAnswer> Read(Func<string, IReadOnlyList<string>> field, IEnumerable<string> questionIdsOnForm,
        Func<string, (QuestionDefinition Definition, LaidOutQuestion Layout)?> find)
    {
        var answers = new Dictionary<string, QuestionAnswer>(StringComparer.Ordinal);
        foreach (var id in questionIdsOnForm)
        {
            if (find(id) is not var (question, layout))
            {
                // Kept, empty, so the save refuses it by name instead of dropping it quietly.
                answers[id] = new QuestionAnswer();
                continue;
            }
            var prefix = "q-" + id;
            string? First(string name) => field(name) is { Count: > 0 } values ? values[0] : null;
            answers[id] = question.Type switch
            {
                QuestionType.Matching => new QuestionAnswer
                {
                    Matches = question.Pairs.Select((pair, i) => (pair.Left, Chosen: First($"{prefix}-m{i}")))
                        .Where(m => !string.IsNullOrEmpty(m.Chosen))
                        .ToDictionary(m => m.Left, m => m.Chosen!, StringComparer.Ordinal),
                },
                QuestionType.Ordering => new QuestionAnswer
                {
                    Order = layout.ChoiceOrder
                        .Select((item, i) => (item, i, Position: int.TryParse(First($"{prefix}-o{i}"), out var p) ? p : int.MaxValue))
                        .OrderBy(x => x.Position).ThenBy(x => x.i)
                        .Select(x => x.item).ToList(),
                },
                QuestionType.ShortText => new QuestionAnswer { Text = First(prefix) ?? "" },
                _ => new QuestionAnswer { Choices = field(prefix).Distinct().ToList() },
            };
        }
        return answers;
    }

    public static bool IsAnswered(QuestionAnswer? answer) =>
        answer is not null && (answer.Choices.Count > 0 || answer.Matches.Count > 0 || answer.Order.Count > 0 || !string.IsNullOrWhiteSpace(answer.Text));
}
