using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Training.Courses.Content;

/// <summary>
/// A local annex as a labelled note: the site's text when it is set, otherwise a placeholder for learners and
/// a note for whoever runs the site. Part of the module's HTML, so the sanitiser sees the annex too.
/// </summary>
public sealed class LocalAnnexBlockRenderer : HtmlObjectRenderer<LocalAnnexBlock>
{
    public static string Label(string name) => "Where you work: " + name.Replace('-', ' ');

    protected override void Write(HtmlRenderer renderer, LocalAnnexBlock obj)
    {
        var label = Label(obj.Name);
        renderer.EnsureLine();
        renderer.Write("<div class=\"admonition local-annex").Write(obj.Html is null ? " local-annex-missing" : "")
            .Write("\" role=\"note\" aria-label=\"").WriteEscape(label).WriteLine("\">");
        renderer.Write("<p class=\"admonition-title\">").WriteEscape(label).WriteLine("</p>");
        if (obj.Html is not null)
        {
            renderer.Write(obj.Html);
        }
        else
        {
            renderer.Write("<p>This site has not added its local information on ").WriteEscape(obj.Name.Replace('-', ' '))
                .WriteLine(" yet. Until it does, ask your supervisor or your unit's coordinator for these details, and keep them where you can find them during a shift.</p>");
            renderer.Write("<p class=\"local-annex-note\">Note for the site's administrators: write this text in a file named ")
                .WriteEscape(obj.Name).WriteLine(".md in the local annex folder (the setting Content:LocalAnnexFolder) and import the courses again.</p>");
        }
        renderer.WriteLine("</div>");
    }
}
