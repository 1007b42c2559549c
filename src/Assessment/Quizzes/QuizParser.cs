using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>
/// Reads one quiz file (NN-slug.quiz.md or final.quiz.md) into a <see cref="QuizDefinition"/>, reporting
/// every problem found with its file and line rather than stopping at the first.
/// </summary>
public static class QuizParser
{
    /// <param name="moduleSlug">The module the quiz belongs to; null for final.quiz.md.</param>
    /// <returns>
    /// Null when the file cannot be used at all: unreadable, no usable front matter, or no questions.
    /// Otherwise the quiz as read; it must not be imported if <paramref name="problems"/> names the file.
    /// </returns>
    public static QuizDefinition? Parse(string path, string displayPath, string? moduleSlug, List<ContentProblem> problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ContentProblem(displayPath, 1, $"The quiz file cannot be read: {e.Message}"));
            return null;
        }
        return ParseText(text, displayPath, moduleSlug, problems);
    }

    /// <summary>Parses a quiz file's text; see <see cref="Parse"/>.</summary>
    public static QuizDefinition? ParseText(string text, string displayPath, string? moduleSlug, List<ContentProblem> problems)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var file = new QuizFileContext(displayPath, text, problems);
        var document = ModuleMarkdown.Parse(text);
        var frontMatter = ReadFrontMatter(document, file, problems);
        CheckLinks(document, file);
        var items = QuizBodyReader.Read(document, file);
        if (items.Count == 0)
        {
            file.Report(0, "The quiz has no questions: add at least one '## id {type}' heading with its question.");
        }
        if (frontMatter is null)
        {
            return null;
        }
        QuizSettingsCheck.Check(frontMatter.Value.Settings, frontMatter.Value.Yaml, items.Count, file);
        if (items.Count == 0)
        {
            return null;
        }

        var settings = frontMatter.Value.Settings;
        var defaults = new QuizDefinition();
        return new QuizDefinition
        {
            ModuleSlug = moduleSlug,
            PassMark = settings.PassMark ?? defaults.PassMark,
            AttemptLimit = settings.AttemptLimit ?? defaults.AttemptLimit,
            TimeLimitMinutes = settings.TimeLimitMinutes,
            ReviewAfterSubmit = settings.ReviewAfterSubmit ?? defaults.ReviewAfterSubmit,
            Draw = settings.Draw,
            Shuffle = settings.Shuffle ?? defaults.Shuffle,
            PartialCredit = settings.PartialCredit ?? defaults.PartialCredit,
            Items = items,
        };
    }

    private static (QuizFrontMatter Settings, YamlFrontMatterBlock Yaml)? ReadFrontMatter(MarkdownDocument document, QuizFileContext file, List<ContentProblem> problems)
    {
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is not { } yaml)
        {
            file.Report(0, "The quiz has no front matter: start the file with a '---' line, the settings (such as passMark: 70), then another '---' line.");
            return null;
        }
        // The YAML text starts on the line after the opening '---'.
        var before = problems.Count;
        var settings = YamlReader.Read<QuizFrontMatter>(yaml.Lines.ToString(), file.DisplayPath, yaml.Line + 2, problems);
        if (settings is null && problems.Count == before)
        {
            // Front matter with no keys (or only comments) reads as null: every setting takes its default.
            settings = new QuizFrontMatter();
        }
        return settings is null ? null : (settings, yaml);
    }

    // Quiz text is shown on quiz pages with no course context, so a link to a module or a course file
    // would lead nowhere: only full web addresses work.
    private static void CheckLinks(MarkdownDocument document, QuizFileContext file)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (!url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal))
            {
                file.Report(link.Line, $"The {(link.IsImage ? "image" : "link")} '{url}' will not work in a quiz: quiz text can only link to full web addresses (https://...).");
            }
        }
    }
}
