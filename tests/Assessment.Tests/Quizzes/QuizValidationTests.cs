using Training.Courses.Content;

namespace Training.Assessment.Tests.Quizzes;

public sealed class QuizValidationTests
{
    /// <summary>A valid question on lines 5-9, so each case's heading below lands on line 11.</summary>
    private const string Valid = "\n## valid {single}\nPrompt\n\n- [x] A\n- [ ] B\n";

    private static readonly string QuizFile = QuizFolder.DisplayPath("01-first.quiz.md");

    public static TheoryData<string, int, string> OneProblem => new()
    {
        // Headings
        { "\n## q {choice}\nPrompt\n\n- [x] A\n- [ ] B", 11, "Question 'q' has an unknown type '{choice}': use single, multiple, true-false, matching, ordering or short-text." },
        { "\n## q {single trivia}\nPrompt\n\n- [x] A\n- [ ] B", 11, "Question 'q' has an unknown tag 'trivia': the only tag is 'recall', written after the type, such as '{single recall}'." },
        { "\n## q\nPrompt\n\n- [x] A\n- [ ] B", 11, "Question 'q' has no type: write it after the id, such as '## q {single}'. The types are single, multiple, true-false, matching, ordering or short-text." },
        { "\n## Passport_Held {single}\nPrompt\n\n- [x] A\n- [ ] B", 11, "The id 'Passport_Held' is not valid: use lower-case letters, digits and hyphens only, such as 'passport-held'." },
        { "\n## {single}\nPrompt\n\n- [x] A\n- [ ] B", 11, "This heading has no id: write '## some-id {single}' for a question or '## scenario: some-id' for a scenario." },
        { "\n## valid {multiple}\nPrompt\n\n- [x] A\n- [ ] B", 11, "The id 'valid' is used twice in this quiz (first on line 5): give every question and scenario its own id." },
        { "\n## scenario: case\nText.\n\n### valid {single}\nPrompt\n\n- [x] A\n- [ ] B", 14, "The id 'valid' is used twice in this quiz (first on line 5): give every question and scenario its own id." },
        { "\n### q {single}\nPrompt\n\n- [x] A\n- [ ] B", 11, "'### q' is a scenario question, but no '## scenario: ...' heading comes before it: use '##' for a question on its own." },
        { "\n# Title", 11, "'# Title' is not a quiz heading: use '## id {type}' for a question, '## scenario: id' for a scenario, and '### id {type}' for a scenario's questions." },

        // Prompt, answers and feedback
        { "\n## q {single}\n- [x] A\n- [ ] B", 11, "Question 'q' has no prompt: write the question under its heading." },
        { "\n## q {single}\nPrompt\n\n> Feedback only.", 11, "Question 'q' has no options: add a list such as '- [x] right answer' and '- [ ] wrong answer'." },
        { "\n## q {single}\nPrompt\n\n- [x] A\n- [ ] B\n\nMore text.", 17, "Question 'q' has text after its answers that learners will not see: put the question before the list and feedback in a '>' block after it." },
        { "\n## q {single}\nPrompt[^1]\n\n- [x] A\n- [ ] B\n\n[^1]: A source.", 17, "Footnotes do not work in quizzes: name the source in the text instead, such as (001_060018a2ce3007d5.txt)." },
        { "\n## q {single}\nSee [the module](01-first.md).\n\n- [x] A\n- [ ] B", 12, "The link '01-first.md' will not work in a quiz: quiz text can only link to full web addresses (https://...)." },

        // Single, multiple and true-false
        { "\n## q {single}\nPrompt\n\n- [ ] A\n- [ ] B", 11, "Question 'q' has no correct answer: mark one option with [x]." },
        { "\n## q {true-false}\nPrompt\n\n- [ ] True\n- [ ] False", 11, "Question 'q' has no correct answer: mark one option with [x]." },
        { "\n## q {multiple}\nPrompt\n\n- [ ] A\n- [ ] B", 11, "Question 'q' has no correct answer: mark at least one option with [x]." },
        { "\n## q {single}\nPrompt\n\n- [x] A\n- [x] B", 11, "Question 'q' has 2 correct answers, but a {single} question has exactly one. Use {multiple} if several are right." },
        { "\n## q {true-false}\nPrompt\n\n- [x] True\n- [x] False", 11, "Question 'q' has 2 correct answers, but a {true-false} question has exactly one. Use {multiple} if several are right." },
        { "\n## q {single}\nPrompt\n\n- [x] A", 11, "Question 'q' needs at least 2 options: '- [x] right answer' and '- [ ] wrong answer'." },
        { "\n## q {true-false}\nPrompt\n\n- [x] Yes\n- [ ] No", 11, "Question 'q' is true-false, so its options must be exactly 'True' and 'False'." },
        { "\n## q {multiple}\nPrompt\n\n- [x] A\n- B", 15, "Option 2 of question 'q' does not start with [x] or [ ]: write '- [x] text' for a right answer and '- [ ] text' for a wrong one." },
        { "\n## q {single}\nPrompt\n\n- [x] A\n- [ ]", 15, "Option 2 of question 'q' has no text." },
        { "\n## q {true-false}\nPrompt\n\n- [ ] True\n> No.\n- [x] False\n  > Yes.", 14, "The options of question 'q' are split into several lists: indent each '>' feedback line by two spaces under its option, and keep the options together." },
        { "\n## q {single}\nPrompt\n\n- [x] A\n\n  More about A.\n- [ ] B", 16, "Option 1 of question 'q' has more than one paragraph: keep an option to one paragraph, with its feedback on an indented '>' line." },

        // Matching
        { "\n## q {matching}\nPrompt\n\n- a => 1\n- b => 2\n- c 3", 16, "Item 3 of question 'q' has no '=>': write each pair as '- left => right'." },
        { "\n## q {matching}\nPrompt\n\n- a => 1\n- b => 2\n- => 3", 16, "Item 3 of question 'q' has an empty side: write text on both sides of '=>'." },
        { "\n## q {matching}\nPrompt\n\n- a => 1\n- b => 2\n- c =>", 16, "Item 3 of question 'q' has an empty side: write text on both sides of '=>'." },
        { "\n## q {matching}\nPrompt\n\n- a => 1\n- b => 2\n- A => 3", 16, "Question 'q' has 'A' twice on the left: each left item must be different." },
        { "\n## q {matching}\nPrompt\n\n- a => 1", 11, "Question 'q' needs at least 2 pairs to match, written as '- left => right'." },
        { "\n## q {matching}\nPrompt\n\n- a => 1\n- b => 2\n  > Feedback.", 16, "Question 'q' has feedback indented under item 2: for a {matching} question, put the '>' feedback after the list, not indented." },
        { "\n## q {matching}\nPrompt", 11, "Question 'q' has no pairs to match: add a list of pairs, '- left => right'." },

        // Ordering
        { "\n## q {ordering}\nPrompt\n\n1. Only step", 11, "Question 'q' needs at least 2 items to put in order, as a numbered list in the right order." },
        { "\n## q {ordering}\nPrompt\n\n1. a\n2. b\n3. A", 16, "Question 'q' lists 'A' twice: every item must be different, or the right order is unclear." },
        { "\n## q {ordering}\nPrompt", 11, "Question 'q' has no items to put in order: add a numbered list of the items in the right order." },

        // Short text
        { "\n## q {short-text}\nPrompt\n\n> Feedback.", 11, "Question 'q' has no accepted answers: add lines such as '- accepted: nursing'." },
        { "\n## q {short-text}\nPrompt\n\n- accepted: nurse\n- nursing", 15, "Item 2 of question 'q' does not start with 'accepted:': write each answer as '- accepted: answer'." },
        { "\n## q {short-text}\nPrompt\n\n- accepted: nurse\n- accepted:", 15, "Item 2 of question 'q' has no answer after 'accepted:'." },

        // Scenarios
        { "\n## scenario: case\n### q {single}\nPrompt\n\n- [x] A\n- [ ] B", 11, "Scenario 'case' has no case text: describe the case under its heading, before its questions." },
        { "\n## scenario: case\nSome text.", 11, "Scenario 'case' has no questions: add '### id {type}' headings under it." },
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public void A_problem_in_the_body_is_reported_at_its_line(string body, int line, string message)
    {
        var (_, problems) = QuizFolder.Parse(QuizFolder.Quiz(Valid + body));

        Assert.Equal([$"{QuizFile}:{line}: {message}"], problems.Select(p => p.ToString()));
    }

    public static TheoryData<string, int, string> SettingProblems => new()
    {
        { "passMark: 120", 2, "passMark is 120: use a percentage from 0 to 100." },
        { "passMark: -1", 2, "passMark is -1: use a percentage from 0 to 100." },
        { "attemptLimit: -1", 2, "attemptLimit is -1: use 0 for unlimited attempts, or the number of attempts allowed." },
        { "timeLimitMinutes: 0", 2, "timeLimitMinutes is 0: use a number of minutes above 0, or leave it out for no time limit." },
        { "draw: 0", 2, "draw is 0: draw at least 1 item, or leave draw out to use every question." },
        { "shuffle: true\ndraw: 3", 3, "draw is 3, but the quiz has only 2 items to draw from (a scenario with its questions counts as one)." },
    };

    [Theory]
    [MemberData(nameof(SettingProblems))]
    public void A_setting_out_of_range_is_reported_at_the_line_of_its_key(string frontMatter, int line, string message)
    {
        var scenario = "\n## scenario: case\nText.\n\n### s1 {single}\nPrompt\n\n- [x] A\n- [ ] B\n\n### s2 {single}\nPrompt\n\n- [x] A\n- [ ] B\n";

        var (quiz, problems) = QuizFolder.Parse($"---\n{frontMatter}\n---\n{Valid}{scenario}");

        Assert.Equal([$"{QuizFile}:{line}: {message}"], problems.Select(p => p.ToString()));
        Assert.NotNull(quiz);
    }

    [Fact]
    public void Draw_may_equal_the_number_of_pool_items()
    {
        QuizFolder.ParseValid("---\ndraw: 1\n---\n" + Valid);
    }

    [Fact]
    public void A_quiz_without_front_matter_is_reported_on_line_1_and_not_used()
    {
        var (quiz, problems) = QuizFolder.Parse(Valid.TrimStart());

        Assert.Equal([$"{QuizFile}:1: The quiz has no front matter: start the file with a '---' line, the settings (such as passMark: 70), then another '---' line."],
            problems.Select(p => p.ToString()));
        Assert.Null(quiz);
    }

    [Fact]
    public void Malformed_front_matter_is_reported_at_its_line()
    {
        var (quiz, problems) = QuizFolder.Parse("---\npassMark: 70\nshuffle: [yes\n---\n" + Valid);

        var problem = Assert.Single(problems).ToString();
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(QuizFile) + ":[34]: YAML: ", problem);
        Assert.Null(quiz);
    }

    [Fact]
    public void An_unknown_setting_is_reported_at_its_line()
    {
        var (_, problems) = QuizFolder.Parse("---\nshuffle: true\npasMark: 80\n---\n" + Valid);

        var problem = Assert.Single(problems).ToString();
        Assert.StartsWith($"{QuizFile}:3: YAML: ", problem);
        Assert.Contains("pasMark", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_of_the_wrong_kind_is_reported_at_its_line()
    {
        var (_, problems) = QuizFolder.Parse("---\nshuffle: true\npassMark: seventy\n---\n" + Valid);

        Assert.StartsWith($"{QuizFile}:3: YAML: ", Assert.Single(problems).ToString());
    }

    [Fact]
    public void A_quiz_without_questions_is_reported_and_not_used()
    {
        var (quiz, problems) = QuizFolder.Parse(QuizFolder.Quiz("\n"));

        Assert.Equal([$"{QuizFile}:1: The quiz has no questions: add at least one '## id {{type}}' heading with its question."], problems.Select(p => p.ToString()));
        Assert.Null(quiz);
    }

    [Fact]
    public void Text_before_the_first_question_is_reported()
    {
        var (_, problems) = QuizFolder.Parse(QuizFolder.Quiz("Welcome to the quiz.\n" + Valid));

        Assert.Equal([$"{QuizFile}:4: This text comes before the first question, so learners will not see it: put it under a question or scenario heading."],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var (_, problems) = QuizFolder.Parse("---\npassMark: 120\n---\n" + Valid + """

            ## no-answer {single}
            Prompt

            - [ ] A
            - [ ] B

            ## Bad_Id {ordering}
            Prompt

            1. only
            """);

        Assert.Equal(
            [
                $"{QuizFile}:11: Question 'no-answer' has no correct answer: mark one option with [x].",
                $"{QuizFile}:17: The id 'Bad_Id' is not valid: use lower-case letters, digits and hyphens only, such as 'passport-held'.",
                $"{QuizFile}:17: Question 'Bad_Id' needs at least 2 items to put in order, as a numbered list in the right order.",
                $"{QuizFile}:2: passMark is 120: use a percentage from 0 to 100.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var problems = new List<ContentProblem>();

        var quiz = Training.Assessment.Quizzes.QuizParser.Parse(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".quiz.md"), "gone.quiz.md", null, problems);

        Assert.Null(quiz);
        Assert.StartsWith("gone.quiz.md:1: The quiz file cannot be read: ", Assert.Single(problems).ToString());
    }
}
