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
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <param name="language">The module's language when it is a translation: its boxes are labelled in it.</param>
    public static string ToHtml(MarkdownDocument document, string? language = null)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new AdmonitionRenderer(language));
        renderer.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new FigureParagraphRenderer());
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
