using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Training.Courses.Content;

public sealed record TableOfContentsEntry(int Level, string Anchor, string Text);

public sealed record RenderedModule(string Html, IReadOnlyList<TableOfContentsEntry> TableOfContents);

/// <summary>
/// Checks a parsed module against its course (glossary terms, links, images, note types), rewrites its
/// links to site addresses and renders it to sanitised HTML.
/// </summary>
public static class ModuleRenderer
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp" };

    public static RenderedModule Render(ModuleSource module, CourseContext course, List<ContentProblem> problems)
    {
        var document = module.Document;
        foreach (var container in document.Descendants<CustomContainer>())
        {
            if (!AdmonitionRenderer.Labels.ContainsKey(container.Info ?? ""))
            {
                problems.Add(Problem(module, container.Line, $"Unknown note type ':::{container.Info}'. Use note, tip, warning or content-note."));
            }
        }
        foreach (var glossaryLink in document.Descendants<GlossaryLinkInline>().ToList())
        {
            LinkGlossaryTerm(glossaryLink, module, course, problems);
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                CheckImage(link, module, course, problems);
            }
            else
            {
                CheckLink(link, module, course, problems);
            }
        }
        CheckRawHtmlImages(module, problems);
        foreach (var annex in document.Descendants<LocalAnnexBlock>())
        {
            ResolveAnnex(annex, module, course, problems);
        }

        var tableOfContents = document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is not null)
            .Select(h => new TableOfContentsEntry(h.Level, h.GetAttributes().Id!, PlainText(h.Inline)))
            .ToList();
        return new RenderedModule(HtmlSafety.Sanitize(ModuleMarkdown.ToHtml(document, course.Language)), tableOfContents);
    }

    private static void LinkGlossaryTerm(GlossaryLinkInline glossaryLink, ModuleSource module, CourseContext course, List<ContentProblem> problems)
    {
        if (!course.GlossaryAnchors.TryGetValue(glossaryLink.Term, out var anchor))
        {
            problems.Add(Problem(module, glossaryLink.Line, $"The glossary has no term '{glossaryLink.Term}'. Add it to glossary.yml or fix the spelling."));
            glossaryLink.ReplaceBy(new LiteralInline(glossaryLink.Text));
            return;
        }
        var link = new LinkInline(course.GlossaryUrl(anchor), "") { IsClosed = true, Line = glossaryLink.Line };
        link.AppendChild(new LiteralInline(glossaryLink.Text));
        link.GetAttributes().AddClass("glossary-term");
        glossaryLink.ReplaceBy(link);
    }

    private static void CheckLink(LinkInline link, ModuleSource module, CourseContext course, List<ContentProblem> problems)
    {
        var url = link.Url ?? "";
        // Site addresses (/courses/...) include the glossary links made above.
        if (url.Length == 0 || IsExternal(url) || url.StartsWith('/'))
        {
            return;
        }
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? url[..hash] : url;
        var anchor = hash >= 0 ? url[(hash + 1)..] : "";

        if (path.Length == 0)
        {
            anchor = ModuleMarkdown.HeadingId(module.Document, anchor);
            if (!module.Anchors.Contains(anchor))
            {
                problems.Add(Problem(module, link.Line, $"Broken link '{url}': this module has no heading with that anchor."));
                return;
            }
            link.Url = "#" + anchor;
            return;
        }
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (!course.ModulesByFile.TryGetValue(path, out var target))
            {
                problems.Add(Problem(module, link.Line, $"Broken link '{url}': the course has no module file '{path}'."));
                return;
            }
            anchor = ModuleMarkdown.HeadingId(target.Document, anchor);
            if (anchor.Length > 0 && !target.Anchors.Contains(anchor))
            {
                problems.Add(Problem(module, link.Line, $"Broken link '{url}': {path} has no heading with the anchor '{anchor}'."));
            }
            link.Url = course.ModuleUrl(target.Slug) + (anchor.Length > 0 ? "#" + anchor : "");
            return;
        }
        if (CourseFile(path, course) is { } relative)
        {
            link.Url = course.MediaUrl(relative);
            return;
        }
        problems.Add(Problem(module, link.Line, $"Broken link '{url}': no such file in the course folder."));
    }

    private static void CheckImage(LinkInline image, ModuleSource module, CourseContext course, List<ContentProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(PlainText(image)))
        {
            problems.Add(Problem(module, image.Line, $"The image '{image.Url}' has no alt text: write what it shows between the brackets, ![like this]({image.Url})."));
        }
        var url = image.Url ?? "";
        if (IsExternal(url))
        {
            problems.Add(Problem(module, image.Line, $"The image '{url}' is not in the course folder: the site serves no outside files, so copy it into images/."));
            return;
        }
        var relative = CourseFile(url, course);
        if (relative is null || !ImageExtensions.Contains(Path.GetExtension(relative)))
        {
            problems.Add(Problem(module, image.Line, $"Missing image '{url}': no such image file in the course folder."));
            return;
        }
        image.Url = course.MediaUrl(relative);
    }

    private static void ResolveAnnex(LocalAnnexBlock annex, ModuleSource module, CourseContext course, List<ContentProblem> problems)
    {
        if (!LocalAnnexBlock.IsValidName(annex.Name))
        {
            problems.Add(Problem(module, annex.Line,
                $"The local annex name '{annex.Name}' is not valid: use lower-case letters, digits and hyphens only, such as {{{{annex: hotlines}}}}."));
            return;
        }
        if (!course.AnnexesUsed.TryGetValue(annex.Name, out var text))
        {
            text = course.LocalAnnex.Find(annex.Name);
            course.AnnexesUsed[annex.Name] = text;
        }
        annex.Html = text is null ? null : ModuleMarkdown.AnnexToHtml(text);
    }

    private static void CheckRawHtmlImages(ModuleSource module, List<ContentProblem> problems)
    {
        var html = module.Document.Descendants<HtmlBlock>().Select(b => (b.Line, Text: b.Lines.ToString()))
            .Concat(module.Document.Descendants<HtmlInline>().Select(i => (i.Line, Text: i.Tag)));
        foreach (var (line, text) in html)
        {
            foreach (var (offset, source) in HtmlSafety.ImagesWithoutAlt(text))
            {
                problems.Add(Problem(module, line + offset - 1,
                    $"The image '{source}' has no alt text: write what it shows in its alt attribute, <img alt=\"like this\">, or add role=\"presentation\" if it is only decoration."));
            }
        }
    }

    /// <summary>
    /// The path relative to the course folder, with forward slashes, when the file exists inside it. A
    /// translation's own file (translations/fr/images/x.svg) wins over the original's of the same path.
    /// </summary>
    private static string? CourseFile(string path, CourseContext course)
    {
        if (Uri.UnescapeDataString(path).StartsWith('/'))
        {
            return null; // an absolute path is never a file of the course
        }
        foreach (var folder in course.OverlayFolder is { } overlay ? [overlay, ""] : new[] { "" })
        {
            // Resolved like a path on disk ("." and ".." segments), and never outside the folder.
            var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
            var depth = parts.Count;
            var inside = true;
            foreach (var part in Uri.UnescapeDataString(path).Split('/'))
            {
                if (part is "" or ".")
                {
                    continue;
                }
                if (part == "..")
                {
                    inside = parts.Count > depth;
                    if (!inside)
                    {
                        break;
                    }
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }
                parts.Add(part);
            }
            var candidate = string.Join('/', parts);
            if (inside && parts.Count > depth && course.Files.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool IsExternal(string url) => url.Contains(':', StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal);

    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var leaf in inline?.Descendants<LeafInline>() ?? [])
        {
            text.Append(leaf switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                _ => "",
            });
        }
        return text.ToString().Trim();
    }

    private static ContentProblem Problem(ModuleSource module, int zeroBasedLine, string message) =>
        new(module.DisplayPath, zeroBasedLine + 1, message);
}
