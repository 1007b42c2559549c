using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Assessment.Tests.Quizzes;

/// <summary>The quizzes shipped in course-content/ must always read cleanly.</summary>
public sealed class RepositoryQuizTests
{
    [Fact]
    public void Every_quiz_in_the_repository_parses_without_problems()
    {
        var root = RepositoryRoot();
        var contentFolder = Path.Combine(root, "course-content");
        var problems = new List<ContentProblem>();
        var quizzes = new List<QuizDefinition>();
        var translations = new List<TranslatedQuiz>();

        foreach (var course in Directory.EnumerateDirectories(contentFolder).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var read = QuizLibrary.ReadAll(course, root, problems);
            quizzes.AddRange(read.Originals.Select(o => o.Definition));
            translations.AddRange(read.Translations);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // Every quiz file is read: originals beside their modules, translations under translations/<language>/.
        Assert.Equal(Directory.EnumerateFiles(contentFolder, "*.quiz.md", SearchOption.AllDirectories).Count(), quizzes.Count + translations.Count);
        Assert.All(quizzes.SelectMany(q => q.AllQuestions), q => Assert.NotEqual("", q.PromptHtml));
    }

    [Fact]
    public void The_quiz_examples_in_the_authoring_guide_make_a_valid_quiz()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "authoring.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = guide.IndexOf("\n## Quizzes\n", StringComparison.Ordinal);
        var end = guide.IndexOf("\n## Writing guidance\n", start, StringComparison.Ordinal);
        var examples = guide[start..end].Split("```markdown\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        // The settings come first; a lone heading shown only to explain ids is not a whole question.
        var quizText = examples[0] + string.Concat(examples.Skip(1).Where(e => e.Trim().Contains('\n', StringComparison.Ordinal)).Select(e => "\n" + e));

        var quiz = QuizFolder.ParseValid(quizText);

        Assert.Equal(
            [QuestionType.SingleChoice, QuestionType.MultipleChoice, QuestionType.TrueFalse, QuestionType.Matching, QuestionType.Ordering, QuestionType.ShortText, QuestionType.SingleChoice, QuestionType.MultipleChoice],
            quiz.AllQuestions.Select(q => q.Type));
        Assert.Equal(7, quiz.Items.Count);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Training.sln not found above " + AppContext.BaseDirectory);
    }
}
