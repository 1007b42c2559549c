using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Mail;

public sealed partial class MailTemplatesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "Web", MailTemplates.Folder);

    private static MailTemplates Templates() => new(new Environment { ContentRootFileProvider = new PhysicalFileProvider(Path.GetDirectoryName(Folder)!) });

    [Fact]
    public void Every_translation_has_an_english_original_with_the_same_placeholders()
    {
        var files = Directory.GetFiles(Folder, "*.md").Select(f => Path.GetFileName(f)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files.Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal)))
        {
            var english = file[..file.IndexOf('.', StringComparison.Ordinal)] + ".en.md";
            Assert.Contains(english, files);
            Assert.Equal(Placeholders(english), Placeholders(file));
        }
    }

    [Fact]
    public void Values_are_text_not_markdown_or_html_and_a_missing_language_falls_back_to_english()
    {
        var mail = Templates().Render("inactivity", "xx", new Dictionary<string, object>
        {
            ["Name"] = "<script>alert(1)</script> *bold* [link](https://evil.example)",
            ["CourseTitle"] = "Safe interviewing",
            ["LastVisit"] = new DateTime(2026, 11, 23),
            ["CourseLink"] = "https://training.example.org/courses/safe-interviewing",
        });

        Assert.Equal("Continue your course Safe interviewing", mail.Subject);
        Assert.Contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; *bold* [link](https://evil.example),", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("href=\"https://evil.example\"", mail.HtmlBody);
        Assert.Contains("<a href=\"https://training.example.org/courses/safe-interviewing\">Continue the course</a>", mail.HtmlBody);
        Assert.Equal(Training.Web.Infrastructure.Site.Localisation.Cultures.Select(c => c.Name).Order(), Templates().LanguagesOf("inactivity").Order());
    }

    private static List<string> Placeholders(string file) =>
        Placeholder().Matches(File.ReadAllText(Path.Combine(Folder, file))).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    private sealed class Environment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "Training.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Testing";
    }
}
