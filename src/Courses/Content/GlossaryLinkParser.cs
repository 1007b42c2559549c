using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Training.Courses.Content;

/// <summary>Parses [[term]] and [[term|text]] before Markdig's own link parser sees the brackets.</summary>
public sealed class GlossaryLinkParser : InlineParser, IMarkdownExtension
{
    public GlossaryLinkParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(1) != '[')
        {
            return false;
        }
        var text = slice.Text;
        var start = slice.Start + 2;
        var end = text.IndexOf("]]", start, slice.End - start + 1, StringComparison.Ordinal);
        var newline = text.IndexOf('\n', start, end < 0 ? 0 : end - start);
        if (end < 0 || newline >= 0 || end == start)
        {
            return false;
        }
        var inner = text[start..end];
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var term = (bar >= 0 ? inner[..bar] : inner).Trim();
        var shown = (bar >= 0 ? inner[(bar + 1)..] : inner).Trim();
        processor.Inline = new GlossaryLinkInline
        {
            Term = term,
            Text = shown.Length > 0 ? shown : term,
            Span = new(processor.GetSourcePosition(slice.Start, out var line, out var column), processor.GetSourcePosition(end + 1)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 2;
        return true;
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<GlossaryLinkParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(this);
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
