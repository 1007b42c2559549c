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
        return sanitizer;
    }
}
