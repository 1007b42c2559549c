using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Training.Courses.Content;

/// <summary>One structural element of a module and its 1-based line: a heading level, a box type, a footnote label, an image path, a table's column count.</summary>
public sealed record OutlinePart(string Value, int Line);

/// <summary>
/// What a translation of a module must keep from its original: headings and their levels, boxes,
/// footnotes, images and table widths, in order. Taken when the file is parsed, before rendering
/// rewrites links and images.
/// </summary>
public sealed record ModuleOutline(
    int FrontMatterLine,
    IReadOnlyList<OutlinePart> Headings,
    IReadOnlyList<OutlinePart> Boxes,
    IReadOnlyList<OutlinePart> Footnotes,
    IReadOnlyList<OutlinePart> Images,
    IReadOnlyList<OutlinePart> Tables)
{
    public static ModuleOutline Of(MarkdownDocument document, int frontMatterLine) => new(
        frontMatterLine,
        document.Descendants<HeadingBlock>().Select(h => new OutlinePart(new string('#', h.Level), h.Line + 1)).ToList(),
        document.Descendants<CustomContainer>().Select(c => new OutlinePart(":::" + c.Info, c.Line + 1)).ToList(),
        document.Descendants<Footnote>().Select(f => new OutlinePart("[^" + f.Label + "]", f.Line + 1)).ToList(),
        document.Descendants<LinkInline>().Where(l => l.IsImage).Select(l => new OutlinePart(l.Url ?? "", l.Line + 1)).ToList(),
        document.Descendants<Table>().Select(t => new OutlinePart((t.FirstOrDefault() is TableRow row ? row.Count : 0).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Line + 1)).ToList());
}
