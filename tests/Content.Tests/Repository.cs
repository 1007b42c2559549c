namespace Training.Content.Tests;

public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ContentFolder => Path.Combine(Root, "course-content");

    /// <summary>The source reports, beside the repository when the machine has them.</summary>
    public static string SeedsFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static string FixtureFolder => Path.Combine(Root, "tests", "Content.Tests", "Fixtures");

    /// <summary>The courses the content issues ask for (the first four, then protection-in-practice); welcome/ is the short sample course.</summary>
    public static IReadOnlyList<string> RequiredCourses { get; } = ["spotting-trafficking", "safe-interviewing", "migrants-rights", "fair-recruitment-gender", "protection-in-practice"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Training.sln not found above " + AppContext.BaseDirectory);
    }
}
