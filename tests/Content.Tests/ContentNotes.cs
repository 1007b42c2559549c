using System.Net;
using System.Text.RegularExpressions;
using Training.Assessment.Quizzes;

namespace Training.Content.Tests;

/// <summary>
/// Where a content note is due: any words of the violence list in a module or a quiz item need a note before
/// them. A module's ':::content-note' box covers the rest of its '##' section, the whole module when it comes
/// before the first '##' heading, and the next section when only blank lines lie between its end and that
/// heading. A quiz item (a lone question, or a scenario with all its questions) is covered when its first
/// text, the prompt or the case, starts with "Content note:".
/// </summary>
public static partial class ContentNotes
{
    /// <summary>Module lines (1-based, in the whole file) that mention violence with no note before them.</summary>
    public static IReadOnlyList<(int Line, string Words)> UncoveredInModule(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = 0;
        if (lines.Length > 0 && lines[0] == "---")
        {
            start = Array.IndexOf(lines, "---", 1) + 1;
        }
        var uncovered = new List<(int, string)>();
        var moduleWide = false;
        var covered = false;
        var inNote = false;
        var noteJustEnded = false;
        var seenSection = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("[^", StringComparison.Ordinal))
            {
                continue; // footnote definitions name report titles, not passages
            }
            if (line.StartsWith(":::content-note", StringComparison.Ordinal))
            {
                inNote = true;
                covered = true;
                moduleWide |= !seenSection;
                continue;
            }
            if (line == ":::" && inNote)
            {
                inNote = false;
                noteJustEnded = true;
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                covered = moduleWide || noteJustEnded;
                seenSection = true;
            }
            if (line.Length > 0)
            {
                noteJustEnded = false;
            }
            if (!inNote && !covered && Violence().Match(line) is { Success: true } match)
            {
                uncovered.Add((i + 1, match.Value));
            }
        }
        return uncovered;
    }

    /// <summary>Quiz items that mention violence but do not open with "Content note:".</summary>
    public static IReadOnlyList<(PoolItem Item, string Words)> UncoveredInQuiz(QuizDefinition quiz) =>
        quiz.Items
            .Select(item => (Item: item, Match: Violence().Match(string.Join("\n", TextsOf(item)))))
            .Where(x => x.Match.Success && !Text(x.Item.ScenarioHtml ?? x.Item.Questions[0].PromptHtml).StartsWith("Content note:", StringComparison.Ordinal))
            .Select(x => (x.Item, x.Match.Value))
            .ToList();

    public static bool MentionsViolence(string text) => Violence().IsMatch(text);

    /// <summary>Plain text of a quiz's HTML.</summary>
    public static string Text(string? html) => html is null ? "" : WebUtility.HtmlDecode(Tags().Replace(html, " ")).Trim();

    private static IEnumerable<string> TextsOf(PoolItem item)
    {
        yield return Text(item.ScenarioHtml);
        foreach (var q in item.Questions)
        {
            yield return Text(q.PromptHtml);
            yield return Text(q.FeedbackHtml);
            foreach (var o in q.Options)
            {
                yield return Text(o.TextHtml);
                yield return Text(o.FeedbackHtml);
            }
            foreach (var p in q.Pairs)
            {
                yield return p.Left + " " + p.Right;
            }
            foreach (var s in q.OrderItems.Concat(q.AcceptedAnswers))
            {
                yield return s;
            }
        }
    }

    // Words that describe violence itself. "abuse" alone is left out: it mostly names abusive recruitment or
    // reporting channels, while "abused" and "mistreated" describe what was done to someone.
    [GeneratedRegex(@"\b(rap(e|es|ed|ing)|sexual(ly)?[ -](violence|abuse|abused|assault|assaulted|exploitation|exploited|harassment)|assault(s|ed)?|beat(s|en|ing|ings)?|violen(ce|t)|tortur(e|ed)|suicid(e|al)|murder(s|ed)?|kill(s|ed|ing)?|harass(ment|ed)?|batter(ed|ing)|abused|mistreat(ed|ment)?|locked (in|up)|confine(d|ment))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Violence();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
