using Markdig.Syntax.Inlines;

namespace Training.Courses.Content;

/// <summary>[[term]] or [[term|shown text]] in a module: replaced by a link to the glossary after parsing.</summary>
public sealed class GlossaryLinkInline : LeafInline
{
    public string Term { get; init; } = "";

    public string Text { get; init; } = "";
}
