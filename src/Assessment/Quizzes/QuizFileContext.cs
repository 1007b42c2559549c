using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>The quiz file being parsed: its source lines, for raw heading and marker text, and its problems.</summary>
internal sealed class QuizFileContext(string displayPath, string text, List<ContentProblem> problems)
{
    private readonly string[] lines = text.Split('\n');

    public string DisplayPath { get; } = displayPath;

    /// <summary>The raw text of a line from a 0-based line number and column, as Markdig counts them.</summary>
    public string SourceLine(int zeroBasedLine, int column = 0)
    {
        var line = zeroBasedLine >= 0 && zeroBasedLine < lines.Length ? lines[zeroBasedLine] : "";
        return column < line.Length ? line[column..] : "";
    }

    /// <summary>Reports a problem at a 0-based Markdig line, printed 1-based.</summary>
    public void Report(int zeroBasedLine, string message) =>
        problems.Add(new ContentProblem(DisplayPath, zeroBasedLine + 1, message));
}
