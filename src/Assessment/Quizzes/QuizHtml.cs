using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>Renders parts of a quiz file with the modules' Markdown pipeline, so quizzes and modules look alike.</summary>
internal static class QuizHtml
{
    /// <summary>Blocks (prompt, case text, feedback) as sanitised HTML, paragraphs in &lt;p&gt;.</summary>
    public static string Blocks(IEnumerable<Block> blocks)
    {
        var blockList = blocks.ToList();
        foreach (var block in blockList)
        {
            ReplaceGlossaryLinks(block);
        }
        return Render(renderer =>
        {
            foreach (var block in blockList)
            {
                renderer.Render(block);
            }
        }, implicitParagraph: false);
    }

    /// <summary>One paragraph as inline HTML, without &lt;p&gt;: an option sits inside a label.</summary>
    public static string Inline(ParagraphBlock paragraph)
    {
        ReplaceGlossaryLinks(paragraph);
        return Render(renderer => renderer.Render(paragraph), implicitParagraph: true);
    }

    /// <summary>The text of a paragraph without Markdown, for match pairs, order items and accepted answers.</summary>
    public static string PlainText(ParagraphBlock paragraph)
    {
        var text = new StringBuilder();
        foreach (var leaf in paragraph.Inline?.Descendants<LeafInline>() ?? [])
        {
            text.Append(leaf switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                AutolinkInline autolink => autolink.Url,
                LineBreakInline => " ",
                GlossaryLinkInline glossary => glossary.Text,
                _ => "",
            });
        }
        return text.ToString().Trim();
    }

    private static string Render(Action<HtmlRenderer> write, bool implicitParagraph)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = implicitParagraph };
        ModuleMarkdown.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlCustomContainerRenderer>(new AdmonitionRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new FigureParagraphRenderer());
        write(renderer);
        writer.Flush();
        return HtmlSafety.Sanitize(writer.ToString()).Trim();
    }

    // Glossary links are resolved against a module's course when it is rendered; quizzes have no such step
    // yet, and an unresolved link would render as nothing, so the learner sees the words instead.
    private static void ReplaceGlossaryLinks(MarkdownObject markdown)
    {
        // Descendants of a leaf block yields nothing: its inlines must be searched directly.
        var links = markdown is LeafBlock leaf ? leaf.Inline?.Descendants<GlossaryLinkInline>() ?? [] : markdown.Descendants<GlossaryLinkInline>();
        foreach (var glossaryLink in links.ToList())
        {
            glossaryLink.ReplaceBy(new LiteralInline(glossaryLink.Text));
        }
    }
}
