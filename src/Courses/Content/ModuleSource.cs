using System.Security.Cryptography;
using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Training.Courses.Content;

/// <summary>A module file read and parsed, before its links are checked against the rest of the course.</summary>
public sealed class ModuleSource
{
    public required string FileName { get; init; }

    /// <summary>The path shown in problems, relative to where the check was started.</summary>
    public required string DisplayPath { get; init; }

    public required string Slug { get; init; }

    public required int Position { get; init; }

    public required string ContentHash { get; init; }

    public required MarkdownDocument Document { get; init; }

    public ModuleFrontMatter? FrontMatter { get; init; }

    /// <summary>Ids of the module's headings, for checking #anchor links.</summary>
    public required IReadOnlySet<string> Anchors { get; init; }

    /// <summary>The module's shape, taken before rendering rewrites it: what a translation must keep.</summary>
    public required ModuleOutline Outline { get; init; }

    public static ModuleSource Parse(byte[] bytes, string fileName, string displayPath, string slug, int position, List<ContentProblem> problems)
    {
        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = ModuleMarkdown.Parse(text);

        ModuleFrontMatter? frontMatter = null;
        var frontMatterLine = 1;
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } yaml)
        {
            frontMatterLine = yaml.Line + 1;
            frontMatter = YamlReader.Read<ModuleFrontMatter>(yaml.Lines.ToString(), displayPath, yaml.Line + 2, problems);
            if (frontMatter is not null)
            {
                CheckFrontMatter(frontMatter, displayPath, yaml.Line + 1, problems);
            }
        }
        else
        {
            problems.Add(new ContentProblem(displayPath, 1, "The module has no front matter: start it with a '---' line, title, estimatedMinutes, objectives and sources, then '---'."));
        }

        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level == 1)
            {
                problems.Add(new ContentProblem(displayPath, heading.Line + 1, "Use '##' for sections: the module title comes from the front matter."));
            }
            if (heading.GetAttributes().Id is { } id)
            {
                anchors.Add(id);
            }
        }

        return new ModuleSource
        {
            FileName = fileName,
            DisplayPath = displayPath,
            Slug = slug,
            Position = position,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Document = document,
            FrontMatter = frontMatter,
            Anchors = anchors,
            Outline = ModuleOutline.Of(document, frontMatterLine),
        };
    }

    private static void CheckFrontMatter(ModuleFrontMatter frontMatter, string file, int line, List<ContentProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            problems.Add(new ContentProblem(file, line, "The front matter needs a title."));
        }
        if (frontMatter.EstimatedMinutes is not > 0)
        {
            problems.Add(new ContentProblem(file, line, "The front matter needs estimatedMinutes, a whole number above 0."));
        }
        if (frontMatter.Objectives.Count == 0)
        {
            problems.Add(new ContentProblem(file, line, "The front matter needs at least one learning objective under objectives."));
        }
    }
}
