using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Training.Courses.Content;

/// <summary>
/// Reads a line that is only <c>{{annex: name}}</c> as a <see cref="LocalAnnexBlock"/>. Any other line
/// starting with '{' stays ordinary text. The name is kept as written so a bad one can be reported.
/// </summary>
public sealed partial class LocalAnnexBlockParser : BlockParser
{
    public LocalAnnexBlockParser()
    {
        OpeningCharacters = ['{'];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }
        var match = Directive().Match(processor.Line.ToString());
        if (!match.Success)
        {
            return BlockState.None;
        }
        processor.NewBlocks.Push(new LocalAnnexBlock(this)
        {
            Name = match.Groups["name"].Value,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        });
        return BlockState.BreakDiscard;
    }

    [GeneratedRegex(@"^\{\{\s*annex\s*:\s*(?<name>[^{}]*?)\s*\}\}\s*$")]
    private static partial Regex Directive();
}
