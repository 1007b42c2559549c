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

    /// <summary>The translation folders of a course (paths in it, such as translations/fr), by language; anything else under translations/ is a problem.</summary>
    /// <param name="courseLanguage">The original's language: a translation into it is a mistake.</param>
    public static IReadOnlyList<(string Language, string Folder)> Read(CourseFiles files, string? courseLanguage, List<ContentProblem> problems)
    {
        foreach (var file in files.FilesIn(Folder))
        {
            problems.Add(new ContentProblem(files.Display(file), 1,
                "Files under translations/ belong in a folder per language, such as translations/fr/."));
        }
        var folders = new List<(string, string)>();
        foreach (var folder in files.FoldersIn(Folder))
        {
            var name = folder[(Folder.Length + 1)..];
            if (!IsLanguageCode(name))
            {
                problems.Add(new ContentProblem(files.Display(folder), 1,
                    $"Unknown language folder '{name}': name each translation folder with the two-letter ISO 639-1 code of its language, in lower case, such as fr, es or ar."));
                continue;
            }
            if (string.Equals(name, courseLanguage, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new ContentProblem(files.Display(folder), 1,
                    $"The course is written in '{name}' already (language in course.yml): a translation must be into another language."));
                continue;
            }
            folders.Add((name, folder));
        }
        return folders;
    }

    public static bool IsLanguageCode(string name) => LanguageCodes.Contains(name);
}
