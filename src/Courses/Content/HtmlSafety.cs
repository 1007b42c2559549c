using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Training.Courses.Content;

/// <summary>
/// Trainers may write raw HTML in Markdown; everything rendered passes through HtmlSanitizer so scripts,
/// event handlers and javascript: links never reach a page.
/// </summary>
public static class HtmlSafety
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>
    /// Each &lt;img&gt; in raw HTML without alt text, with its line in the HTML (from 1). Course images carry
    /// meaning, so an empty alt is refused too, unless role="presentation" (or "none") marks the image as
    /// decoration.
    /// </summary>
    public static IEnumerable<(int Line, string Source)> ImagesWithoutAlt(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(html);
        foreach (var image in document.QuerySelectorAll("img"))
        {
            var decorative = image.GetAttribute("role")?.Trim().ToLowerInvariant() is "presentation" or "none";
            if (!decorative && string.IsNullOrWhiteSpace(image.GetAttribute("alt")))
            {
                yield return (image.SourceReference?.Position.Line ?? 1, image.GetAttribute("src") ?? "");
            }
        }
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        // Anchors, footnotes and notes need these; inline style is dropped because the site's content
        // security policy would block it anyway.
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-describedby" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel"); // hotlines in a site's local annex, dialled from a phone
        // An id the page around the module uses (id="main") would break its skip link or headings.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { Id: { } id } element && ModuleMarkdown.PageIds.Contains(id))
            {
                element.RemoveAttribute("id");
            }
        };
        return sanitizer;
    }
}
