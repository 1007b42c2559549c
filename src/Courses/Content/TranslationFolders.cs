using System.Globalization;

namespace Training.Courses.Content;

/// <summary>
/// The translations of a course: one folder per language under translations/, named with its ISO 639-1
/// code (translations/fr). The one place that decides which folders are translations.
/// </summary>
public static class TranslationFolders
{
    public const string Folder = "translations";

    private static readonly HashSet<string> LanguageCodes = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.Name)
        .Where(name => name.Length == 2 && name.All(char.IsAsciiLetterLower))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The translation folders of a course, by language; anything else under translations/ is a problem.</summary>
    /// <param name="courseLanguage">The original's language: a translation into it is a mistake.</param>
    public static IReadOnlyList<(string Language, string Folder)> Read(string courseFolder, string? courseLanguage, string displayRoot, List<ContentProblem> problems)
    {
        var root = Path.Combine(courseFolder, Folder);
        if (!Directory.Exists(root))
        {
            return [];
        }
        foreach (var file in Directory.EnumerateFiles(root).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            problems.Add(new ContentProblem(Path.GetRelativePath(displayRoot, file), 1,
                "Files under translations/ belong in a folder per language, such as translations/fr/."));
        }
        var folders = new List<(string, string)>();
        foreach (var folder in Directory.EnumerateDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (!IsLanguageCode(name))
            {
                problems.Add(new ContentProblem(Path.GetRelativePath(displayRoot, folder), 1,
                    $"Unknown language folder '{name}': name each translation folder with the two-letter ISO 639-1 code of its language, in lower case, such as fr, es or ar."));
                continue;
            }
            if (string.Equals(name, courseLanguage, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new ContentProblem(Path.GetRelativePath(displayRoot, folder), 1,
                    $"The course is written in '{name}' already (language in course.yml): a translation must be into another language."));
                continue;
            }
            folders.Add((name, folder));
        }
        return folders;
    }

    public static bool IsLanguageCode(string name) => LanguageCodes.Contains(name);
}
