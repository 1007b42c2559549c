using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Training.Web.Tests.Support;

namespace Training.Web.Tests;

public sealed partial class LocalisationTests
{
    private static readonly string WebFolder = Path.Combine(RepositoryPaths.Root, "src", "Web");

    private static HashSet<string> ResourceKeys() =>
        XDocument.Load(Path.Combine(WebFolder, "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_interface_text_in_views_and_code_is_in_the_resource_file()
    {
        var keys = ResourceKeys();
        var used = Directory.EnumerateFiles(WebFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalisedText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: m.Groups["text"].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Text)).Select(u => $"{u.File}: {u.Text}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these to Resources/SharedResource.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_localiser_finds_the_shared_resource()
    {
        using var app = new TrainingAppFactory();
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var text = localizer["Skip to main content"];

        Assert.False(text.ResourceNotFound, $"Looked in {text.SearchedLocation}");
    }

    // T["..."] and localizer["..."] in views and code, and ErrorMessage/Name texts in data annotations.
    [GeneratedRegex(@"(?:\bT|localizer)\[\s*""(?<text>(?:[^""\\]|\\.)*)""|(?:ErrorMessage|Name)\s*=\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalisedText();
}
