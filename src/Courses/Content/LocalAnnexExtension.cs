using Markdig;
using Markdig.Renderers;

namespace Training.Courses.Content;

/// <summary>Adds <c>{{annex: name}}</c> lines to a pipeline, and their renderer to every HTML renderer it sets up.</summary>
public sealed class LocalAnnexExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<LocalAnnexBlockParser>())
        {
            pipeline.BlockParsers.Insert(0, new LocalAnnexBlockParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<LocalAnnexBlockRenderer>())
        {
            html.ObjectRenderers.Insert(0, new LocalAnnexBlockRenderer());
        }
    }
}
