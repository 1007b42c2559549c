namespace Training.Courses.Content;

/// <summary>
/// The last import's problems, for trainers to see on their page, and a gate so the start-up import and
/// the file watcher never import at the same time.
/// </summary>
public sealed class ContentImportState
{
    private volatile IReadOnlyList<ContentProblem> problems = [];

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IReadOnlyList<ContentProblem> Problems => problems;

    public DateTime? LastImportAt { get; private set; }

    public void Record(IReadOnlyList<ContentProblem> latest, DateTime at)
    {
        problems = latest;
        LastImportAt = at;
    }
}
