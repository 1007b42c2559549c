using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace Training.Web.Infrastructure.Mail;

public sealed record RenderedMail(string Subject, string HtmlBody);

/// <summary>
/// Mail texts as Markdown files in <c>MailTemplates/</c>, one per template and language
/// (<c>inactivity.fr.md</c>), so they are edited and translated without a new build. A mail's first line
/// is <c>Subject: ...</c> (a part such as a footer has none); <c>{Name}</c>-style placeholders take values, which are escaped so a course
/// title can neither add Markdown nor HTML. A language without its own file gets English.
/// </summary>
public sealed partial class MailTemplates(IWebHostEnvironment environment)
{
    public const string Folder = "MailTemplates";
    public const string FallbackLanguage = "en";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Languages with a file for <paramref name="template"/>.</summary>
    public IReadOnlyList<string> LanguagesOf(string template) =>
        environment.ContentRootFileProvider.GetDirectoryContents(Folder)
            .Select(f => f.Name)
            .Where(n => n.StartsWith(template + ".", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n[(template.Length + 1)..^3])
            .Order(StringComparer.Ordinal).ToList();

    /// <param name="values">Text, numbers or dates (written in the mail's language); a key ending in
    /// <c>Link</c> is an absolute address and goes in as it is.</param>
    public RenderedMail Render(string template, string? language, IReadOnlyDictionary<string, object> values)
    {
        var (text, culture) = Read(template, language);
        var subject = "";
        if (text.StartsWith("Subject:", StringComparison.Ordinal))
        {
            var newline = text.IndexOf('\n');
            subject = Fill(text["Subject:".Length..(newline < 0 ? text.Length : newline)].Trim(), values, culture, escape: false);
            text = newline < 0 ? "" : text[(newline + 1)..];
        }
        var body = Fill(text, values, culture, escape: true);
        return new RenderedMail(subject, Markdown.ToHtml(body, Pipeline));
    }

    private (string Text, CultureInfo Culture) Read(string template, string? language)
    {
        foreach (var candidate in new[] { language, FallbackLanguage })
        {
            if (string.IsNullOrWhiteSpace(candidate) || candidate.Contains('/') || candidate.Contains('.'))
            {
                continue;
            }
            var file = environment.ContentRootFileProvider.GetFileInfo($"{Folder}/{template}.{candidate}.md");
            if (file.Exists)
            {
                using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
                return (reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal), CultureInfo.GetCultureInfo(candidate));
            }
        }
        throw new InvalidOperationException($"No mail template {Folder}/{template}.{FallbackLanguage}.md.");
    }

    private static string Fill(string text, IReadOnlyDictionary<string, object> values, CultureInfo culture, bool escape) =>
        Placeholder().Replace(text, match =>
        {
            var key = match.Groups[1].Value;
            if (!values.TryGetValue(key, out var value))
            {
                return match.Value; // left visible, so a misspelt placeholder is noticed
            }
            var written = value switch
            {
                DateTime date => date.ToString("d MMMM yyyy", culture),
                IFormattable formattable => formattable.ToString(null, culture),
                _ => value.ToString() ?? "",
            };
            return escape && !key.EndsWith("Link", StringComparison.Ordinal) ? EscapeMarkdown(written) : written;
        });

    /// <summary>A backslash before every ASCII punctuation mark makes it literal in CommonMark.</summary>
    private static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace('\n', ' '))
        {
            if (char.IsAsciiLetterOrDigit(c) || c > 127 || char.IsWhiteSpace(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('\\').Append(c);
            }
        }
        return escaped.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
