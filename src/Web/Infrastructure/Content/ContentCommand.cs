using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Web.Infrastructure.Content;

/// <summary>
/// <c>dotnet run --project src/Web -- content validate [folder]</c>: checks every course without starting
/// the site or touching the database, prints each problem as file:line: message, exits 1 on any.
/// </summary>
public static class ContentCommand
{
    public static bool Matches(string[] args) => args is ["content", ..];

    public static int Run(string[] args, IConfiguration configuration, TextWriter output)
    {
        if (args is not ["content", "validate", ..] || args.Length > 3)
        {
            output.WriteLine("Usage: dotnet run --project src/Web -- content validate [folder] | content export COURSE FOLDER | content import ZIP [--as COURSE]");
            return 2;
        }
        var options = configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var folder = args.Length == 3 ? Path.GetFullPath(args[2]) : options.ResolveFolder(Directory.GetCurrentDirectory());
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"{folder}: no such folder.");
            return 1;
        }

        var annexFolder = options.ResolveLocalAnnexFolder(Directory.GetCurrentDirectory());
        if (annexFolder is not null && !Directory.Exists(annexFolder))
        {
            output.WriteLine($"{annexFolder}: no such folder (Content:LocalAnnexFolder).");
            return 1;
        }
        var annex = LocalAnnexFolder.From(options, Directory.GetCurrentDirectory());

        // A folder holding course.yml is one course; any other folder holds courses.
        var courses = File.Exists(Path.Combine(folder, "course.yml"))
            ? [CourseSource.Read(folder, Directory.GetCurrentDirectory(), annex)]
            : ContentLibrary.ReadAll(folder, Directory.GetCurrentDirectory(), annex);
        foreach (var course in courses)
        {
            QuizLibrary.ReadCourse(course.Files, course.Problems);
        }
        foreach (var problem in courses.SelectMany(c => c.Problems))
        {
            output.WriteLine(problem.ToString());
        }
        var broken = courses.Count(c => !c.IsValid);
        output.WriteLine(broken == 0
            ? $"{courses.Count} courses, {courses.Sum(c => c.Modules.Count)} modules: no problems."
            : $"{broken} of {courses.Count} courses have problems ({courses.Sum(c => c.Problems.Count)} in all).");
        return broken == 0 ? 0 : 1;
    }
}
