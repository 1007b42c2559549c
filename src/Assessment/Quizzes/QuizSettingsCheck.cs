using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;

namespace Training.Assessment.Quizzes;

/// <summary>Checks the front matter values, reporting each at the line of its key.</summary>
internal static partial class QuizSettingsCheck
{
    public static void Check(QuizFrontMatter settings, YamlFrontMatterBlock yaml, int itemCount, QuizFileContext file)
    {
        void Require(bool ok, string key, string message)
        {
            if (!ok)
            {
                file.Report(KeyLine(yaml, key, file), message);
            }
        }
        Require(settings.PassMark is null or (>= 0 and <= 100), "passMark",
            $"passMark is {settings.PassMark}: use a percentage from 0 to 100.");
        Require(settings.AttemptLimit is null or >= 0, "attemptLimit",
            $"attemptLimit is {settings.AttemptLimit}: use 0 for unlimited attempts, or the number of attempts allowed.");
        Require(settings.TimeLimitMinutes is null or > 0, "timeLimitMinutes",
            $"timeLimitMinutes is {settings.TimeLimitMinutes}: use a number of minutes above 0, or leave it out for no time limit.");
        Require(settings.Draw is null or >= 1, "draw",
            $"draw is {settings.Draw}: draw at least 1 item, or leave draw out to use every question.");
        // Only a quiz that has items can be too small to draw from; an empty quiz is reported on its own.
        Require(settings.Draw is null or < 1 || itemCount == 0 || settings.Draw <= itemCount, "draw",
            $"draw is {settings.Draw}, but the quiz has only {itemCount} {(itemCount == 1 ? "item" : "items")} to draw from (a scenario with its questions counts as one).");
    }

    /// <summary>The 0-based file line of a key in the front matter; the opening '---' if it is not found.</summary>
    private static int KeyLine(YamlFrontMatterBlock yaml, string key, QuizFileContext file)
    {
        for (var i = 0; i < yaml.Lines.Count; i++)
        {
            var line = yaml.Line + 1 + i;
            if (KeyPattern().Match(file.SourceLine(line)) is { Success: true } match && match.Groups["key"].Value == key)
            {
                return line;
            }
        }
        return yaml.Line;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z]+)\s*:")]
    private static partial Regex KeyPattern();
}
