using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Training.Courses.Content;

/// <summary>
/// A line <c>{{annex: name}}</c> in a module: the site's local text of that name goes there at render time
/// (<see cref="ModuleRenderer"/> sets <see cref="Html"/>); without one, a placeholder and a note.
/// </summary>
public sealed partial class LocalAnnexBlock(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>The name as the author wrote it, checked by <see cref="IsValidName"/> before any lookup.</summary>
    public string Name { get; init; } = "";

    /// <summary>The annex rendered to HTML (sanitised with the rest of the module), or null when the site has not set it.</summary>
    public string? Html { get; set; }

    public static bool IsValidName(string name) => name.Length <= 64 && NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
