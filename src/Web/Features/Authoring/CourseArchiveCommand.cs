using Training.Web.Infrastructure.Content;

namespace Training.Web.Features.Authoring;

/// <summary>
/// <c>content export COURSE FOLDER</c> writes a course's files (as the site last imported them) into
/// FOLDER/COURSE, or into FOLDER/COURSE.zip when FOLDER ends in .zip; <c>content import ZIP [--as SLUG]</c>
/// imports a zip of a course folder as a course kept on the site. Both first bring the site's
/// course-content/ up to date, as the site does when it starts.
/// </summary>
public static class CourseArchiveCommand
{
    public const string Usage = "Usage: dotnet run --project src/Web -- content export COURSE FOLDER | content import ZIP [--as COURSE]";

    public static bool Matches(string[] args) => args is ["content", "export" or "import", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await services.ImportContentAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var archive = scope.ServiceProvider.GetRequiredService<CourseArchive>();
        switch (args)
        {
            case ["content", "export", var slug, var target]:
                var files = await archive.ExportAsync(slug, cancellationToken);
                if (files is null)
                {
                    output.WriteLine($"{slug}: no such course on this site (its files are kept once it is imported).");
                    return 1;
                }
                if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                    await using var zip = File.Create(target);
                    files.WriteZip(zip);
                    output.WriteLine($"{slug}: {files.Paths.Count} files written to {target}.");
                }
                else
                {
                    var folder = Path.Combine(target, slug);
                    files.WriteTo(folder);
                    output.WriteLine($"{slug}: {files.Paths.Count} files written to {folder}.");
                }
                return 0;
            case ["content", "import", _] or ["content", "import", _, "--as", _]:
                var file = args[2];
                if (!File.Exists(file))
                {
                    output.WriteLine($"{file}: no such file.");
                    return 2;
                }
                var course = args.Length == 5 ? args[4] : Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
                await using (var stream = File.OpenRead(file))
                {
                    var result = await archive.ImportAsync(stream, course, Path.GetFileName(file), cancellationToken);
                    foreach (var problem in result.Problems)
                    {
                        output.WriteLine(problem.ToString());
                    }
                    output.WriteLine(result.Imported
                        ? $"{course}: imported, kept on the site ({result.VersionsAdded ?? 0} new module versions)."
                        : $"{course}: not imported ({result.Problems.Count} problems).");
                    return result.Imported ? 0 : 1;
                }
            default:
                output.WriteLine(Usage);
                return 2;
        }
    }
}
