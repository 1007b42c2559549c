namespace Training.Courses.Content;

/// <summary>A problem in a course file, printed as "file:line: message" so editors can jump to it.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
