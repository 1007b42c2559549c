using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Training.Courses.Content;

/// <summary>:::note, :::tip, :::warning and :::content-note as labelled notes a screen reader announces.</summary>
/// <param name="language">A translation's language: the box labels are written in it when known, in English otherwise.</param>
public sealed class AdmonitionRenderer(string? language = null) : HtmlObjectRenderer<CustomContainer>
{
    // The labels are part of the stored HTML, which is rendered once per language at import, so they
    // come from here rather than from the site's resource files.
    private static readonly Dictionary<string, Dictionary<string, string>> TranslatedLabels = new(StringComparer.Ordinal)
    {
        ["fr"] = new(StringComparer.Ordinal) { ["note"] = "Remarque", ["tip"] = "Conseil", ["warning"] = "Attention", ["content-note"] = "Avertissement sur le contenu" },
        ["es"] = new(StringComparer.Ordinal) { ["note"] = "Nota", ["tip"] = "Consejo", ["warning"] = "Atención", ["content-note"] = "Aviso sobre el contenido" },
        ["ar"] = new(StringComparer.Ordinal) { ["note"] = "ملاحظة", ["tip"] = "نصيحة", ["warning"] = "تنبيه", ["content-note"] = "تنبيه بشأن المحتوى" },
    };

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["note"] = "Note",
        ["tip"] = "Tip",
        ["warning"] = "Warning",
        ["content-note"] = "Content note",
    };

    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        var kind = obj.Info ?? "";
        var label = language is not null && TranslatedLabels.TryGetValue(language, out var translated) && translated.TryGetValue(kind, out var text)
            ? text
            : Labels.GetValueOrDefault(kind, "Note");
        renderer.EnsureLine();
        renderer.Write("<div class=\"admonition admonition-").WriteEscape(kind).Write("\" role=\"note\" aria-label=\"")
            .WriteEscape(label).WriteLine("\">");
        renderer.Write("<p class=\"admonition-title\">").WriteEscape(label).WriteLine("</p>");
        renderer.WriteChildren(obj);
        renderer.WriteLine("</div>");
    }
}

/// <summary>An image alone in its paragraph becomes a figure, its title the caption.</summary>
public sealed class FigureParagraphRenderer : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        if (obj.Inline?.FirstChild is LinkInline { IsImage: true } image && image.NextSibling is null)
        {
            renderer.EnsureLine();
            renderer.WriteLine("<figure>");
            renderer.Write(image);
            if (!string.IsNullOrWhiteSpace(image.Title))
            {
                renderer.EnsureLine();
                renderer.Write("<figcaption>").WriteEscape(image.Title).WriteLine("</figcaption>");
            }
            renderer.EnsureLine();
            renderer.WriteLine("</figure>");
            return;
        }
        base.Write(renderer, obj);
    }
}
