using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Training.Courses.Content;

/// <summary>The one Markdig pipeline for modules: built once, reused (it is immutable and thread-safe).</summary>
public static class ModuleMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseCustomContainers()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .Use<GlossaryLinkParser>()
        .Use<LocalAnnexExtension>()
        .Build();

    /// <summary>
    /// For a site's local annex: plain Markdown with tables and links, no front matter, boxes, footnotes or
    /// glossary links, and no heading ids (they could clash with the module's anchors).
    /// </summary>
    private static MarkdownPipeline AnnexPipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    /// <summary>
    /// Ids the pages around a module's HTML use themselves: the layout's skip-link target and the module and
    /// print pages' own headings. A heading that would get one of them gets "section-" before it instead, and
    /// links to it follow (<see cref="HeadingId"/>); raw HTML loses such an id (<see cref="HtmlSafety"/>).
    /// ModulePageIdsTests fails when one of those pages gains an id missing here.
    /// </summary>
    public static IReadOnlySet<string> PageIds { get; } = new HashSet<string>(StringComparer.Ordinal) { "main", "module-title", "objectives", "toc-title" };

    private static readonly object RenamedHeadingIds = new();

    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        KeepHeadingIdsOffPageIds(document);
        return document;
    }

    /// <summary>The id a heading of the document has for an anchor an author wrote: the same, unless it was a page id.</summary>
    public static string HeadingId(MarkdownDocument document, string anchor) =>
        document.GetData(RenamedHeadingIds) is Dictionary<string, string> renamed && renamed.TryGetValue(anchor, out var id) ? id : anchor;

    private static void KeepHeadingIdsOffPageIds(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        var taken = headings.Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attributes in headings.Select(h => h.GetAttributes()).Where(a => a.Id is { } id && PageIds.Contains(id)))
        {
            var candidate = "section-" + attributes.Id;
            for (var n = 2; taken.Contains(candidate); n++)
            {
                candidate = $"section-{attributes.Id}-{n}";
            }
            taken.Add(candidate);
            renamed[attributes.Id!] = candidate;
            attributes.Id = candidate;
        }
        if (renamed.Count > 0)
        {
            document.SetData(RenamedHeadingIds, renamed);
        }
    }

    /// <summary>
    /// A local annex as HTML (sanitised later with the module around it). Its headings sit below the module's
    /// section headings: '#' becomes a level-3 heading, '##' level 4, and so on.
    /// </summary>
    public static string AnnexToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), AnnexPipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 2);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        AnnexPipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <param name="language">The module's language when it is a translation: its boxes, local annexes included, are labelled in it.</param>
    public static string ToHtml(MarkdownDocument document, string? language = null)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new AdmonitionRenderer(language));
        renderer.ObjectRenderers.ReplaceOrAdd<LocalAnnexBlockRenderer>(new LocalAnnexBlockRenderer(language));
        renderer.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new FigureParagraphRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
