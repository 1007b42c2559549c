using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Training.Assessment.Quizzes;

/// <summary>
/// Splits a quiz body at its headings into pool items: a lone "## id {type}" question, or a
/// "## scenario: id" with its case text and "### id {type}" questions.
/// </summary>
internal sealed class QuizBodyReader(QuizFileContext file)
{
    private readonly List<PoolItem> items = [];
    private readonly Dictionary<string, int> idLines = new(StringComparer.Ordinal);
    private Scenario? scenario;

    public static List<PoolItem> Read(MarkdownDocument document, QuizFileContext file)
    {
        var reader = new QuizBodyReader(file);
        foreach (var (heading, body) in Sections(document, file))
        {
            reader.ReadSection(heading, body);
        }
        reader.EndScenario();
        return reader.items;
    }

    private void ReadSection(HeadingBlock heading, List<Block> body)
    {
        var parsed = QuizHeading.Read(file.SourceLine(heading.Line));
        if (heading.Level == 2)
        {
            EndScenario();
            if (parsed.IsScenario)
            {
                CheckId(parsed.Id, heading.Line);
                scenario = new Scenario(parsed.Id, heading.Line, body);
            }
            else if (ReadQuestion(parsed, heading.Line, body) is { } question)
            {
                items.Add(new PoolItem { Id = question.Id, Questions = [question], Line = question.Line });
            }
        }
        else if (heading.Level == 3 && scenario is not null && !parsed.IsScenario)
        {
            if (ReadQuestion(parsed, heading.Line, body) is { } question)
            {
                scenario.Questions.Add(question);
            }
        }
        else if (heading.Level == 3 && !parsed.IsScenario)
        {
            file.Report(heading.Line, $"'### {parsed.Id}' is a scenario question, but no '## scenario: ...' heading comes before it: use '##' for a question on its own.");
        }
        else
        {
            file.Report(heading.Line, $"'{file.SourceLine(heading.Line).Trim()}' is not a quiz heading: use '## id {{type}}' for a question, '## scenario: id' for a scenario, and '### id {{type}}' for a scenario's questions.");
        }
    }

    private QuestionDefinition? ReadQuestion(QuizHeading heading, int line, List<Block> body)
    {
        CheckId(heading.Id, line);
        var name = heading.Id.Length > 0 ? $"Question '{heading.Id}'" : "This question";
        if (heading.TypeName is null)
        {
            file.Report(line, $"{name} has no type: write it after the id, such as '## {(heading.Id.Length > 0 ? heading.Id : "some-id")} {{single}}'. The types are {QuizHeading.TypeList}.");
            return null;
        }
        if (heading.Type is null)
        {
            file.Report(line, $"{name} has an unknown type '{{{heading.TypeName}}}': use {QuizHeading.TypeList}.");
            return null;
        }
        foreach (var tag in heading.Tags.Where(t => t != QuizHeading.RecallTag))
        {
            file.Report(line, $"{name} has an unknown tag '{tag}': the only tag is '{QuizHeading.RecallTag}', written after the type, such as '{{single {QuizHeading.RecallTag}}}'.");
        }
        return QuestionReader.Read(file, heading, line, body);
    }

    private void CheckId(string id, int line)
    {
        if (id.Length == 0)
        {
            file.Report(line, "This heading has no id: write '## some-id {single}' for a question or '## scenario: some-id' for a scenario.");
            return;
        }
        if (!QuizHeading.IsValidId(id))
        {
            file.Report(line, $"The id '{id}' is not valid: use lower-case letters, digits and hyphens only, such as 'passport-held'.");
        }
        if (idLines.TryGetValue(id, out var first))
        {
            file.Report(line, $"The id '{id}' is used twice in this quiz (first on line {first}): give every question and scenario its own id.");
            return;
        }
        idLines[id] = line + 1;
    }

    private void EndScenario()
    {
        if (scenario is null)
        {
            return;
        }
        if (scenario.CaseText.Count == 0)
        {
            file.Report(scenario.Line, $"Scenario '{scenario.Id}' has no case text: describe the case under its heading, before its questions.");
        }
        if (scenario.Questions.Count == 0)
        {
            file.Report(scenario.Line, $"Scenario '{scenario.Id}' has no questions: add '### id {{type}}' headings under it.");
        }
        else
        {
            items.Add(new PoolItem { Id = scenario.Id, ScenarioHtml = QuizHtml.Blocks(scenario.CaseText), Questions = scenario.Questions, Line = scenario.Line + 1 });
        }
        scenario = null;
    }

    private static List<(HeadingBlock Heading, List<Block> Body)> Sections(MarkdownDocument document, QuizFileContext file)
    {
        var sections = new List<(HeadingBlock Heading, List<Block> Body)>();
        // Link reference definitions have done their work in the inline parser and render as nothing.
        foreach (var block in document.Where(b => b is not (YamlFrontMatterBlock or LinkReferenceDefinitionGroup)))
        {
            if (block is FootnoteGroup footnotes)
            {
                // Markdig moves footnotes to the end of the document, where they would belong to no question.
                foreach (var footnote in footnotes.OfType<Footnote>())
                {
                    file.Report(footnote.Line, "Footnotes do not work in quizzes: name the source in the text instead, such as (001_060018a2ce3007d5.txt).");
                }
            }
            else if (block is HeadingBlock heading)
            {
                sections.Add((heading, []));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Body.Add(block);
            }
            else
            {
                file.Report(block.Line, "This text comes before the first question, so learners will not see it: put it under a question or scenario heading.");
            }
        }
        return sections;
    }

    private sealed record Scenario(string Id, int Line, List<Block> CaseText)
    {
        public List<QuestionDefinition> Questions { get; } = [];
    }
}
