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

    public static TheoryData<string> Translations() => [.. Training.Web.Infrastructure.Site.Localisation.Cultures.Select(c => c.Name).Where(n => n != "en")];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_language_has_every_text_with_its_placeholders(string language)
    {
        var path = Path.Combine(WebFolder, "Resources", $"SharedResource.{language}.resx");
        var translated = XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        var keys = ResourceKeys();

        var missing = keys.Where(k => !translated.ContainsKey(k)).ToList();
        var stale = translated.Keys.Where(k => !keys.Contains(k)).ToList();
        var empty = translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();
        var placeholders = translated.Where(t => keys.Contains(t.Key)
                && !Placeholder().Matches(t.Key).Select(m => m.Value).ToHashSet().SetEquals(Placeholder().Matches(t.Value).Select(m => m.Value)))
            .Select(t => $"{t.Key} => {t.Value}").ToList();

        Assert.True(missing.Count == 0, $"{path} lacks:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, $"{path} has texts the site no longer uses:\n" + string.Join("\n", stale));
        Assert.True(empty.Count == 0, $"{path} has empty texts:\n" + string.Join("\n", empty));
        Assert.True(placeholders.Count == 0, $"{path} changes the placeholders of:\n" + string.Join("\n", placeholders));
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

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
