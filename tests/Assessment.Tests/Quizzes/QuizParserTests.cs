using Training.Assessment.Quizzes;

namespace Training.Assessment.Tests.Quizzes;

public sealed class QuizParserTests
{
    private const string OneQuestion = """

        ## first-question {single}
        Which is right?

        - [x] Right
        - [ ] Wrong
        """;

    [Fact]
    public void Settings_left_out_take_their_defaults()
    {
        var quiz = QuizFolder.ParseValid("---\nshuffle: true\n---\n" + OneQuestion);

        Assert.Equal("first", quiz.ModuleSlug);
        Assert.Equal(70, quiz.PassMark);
        Assert.Equal(0, quiz.AttemptLimit);
        Assert.Null(quiz.TimeLimitMinutes);
        Assert.True(quiz.ReviewAfterSubmit);
        Assert.Null(quiz.Draw);
        Assert.True(quiz.Shuffle);
        Assert.True(quiz.PartialCredit);
    }

    [Fact]
    public void Front_matter_with_only_a_comment_takes_every_default()
    {
        var quiz = QuizFolder.ParseValid("---\n# all defaults\n---\n" + OneQuestion);

        Assert.Equal(70, quiz.PassMark);
    }

    [Fact]
    public void Every_setting_is_read_from_the_front_matter()
    {
        var quiz = QuizFolder.ParseValid("""
            ---
            passMark: 80
            attemptLimit: 3
            timeLimitMinutes: 25
            reviewAfterSubmit: false
            draw: 1
            shuffle: false
            partialCredit: false
            ---
            """ + OneQuestion);

        Assert.Equal(80, quiz.PassMark);
        Assert.Equal(3, quiz.AttemptLimit);
        Assert.Equal(25, quiz.TimeLimitMinutes);
        Assert.False(quiz.ReviewAfterSubmit);
        Assert.Equal(1, quiz.Draw);
        Assert.False(quiz.Shuffle);
        Assert.False(quiz.PartialCredit);
    }

    [Fact]
    public void A_single_choice_question_has_keyed_options_with_feedback_and_its_heading_line()
    {
        var quiz = QuizFolder.ParseValid(QuizFolder.Quiz("""

            ## passport-held {single}
            Who may keep a worker's **passport**?

            Choose one.

            - [ ] Her employer, if she *agreed*.
              > No. Agreement does not make it lawful.
            - [X] Only she.
              > Right. See [the ILO](https://www.ilo.org).
            - [ ] Her agency.
            """));

        var item = Assert.Single(quiz.Items);
        Assert.Equal("passport-held", item.Id);
        Assert.Null(item.ScenarioHtml);
        var question = Assert.Single(item.Questions);
        Assert.Equal(QuestionType.SingleChoice, question.Type);
        Assert.Equal(5, question.Line);
        Assert.Equal("<p>Who may keep a worker's <strong>passport</strong>?</p>\n<p>Choose one.</p>", question.PromptHtml);
        Assert.Equal(
            [
                new OptionDefinition("a", "Her employer, if she <em>agreed</em>.", false, "<p>No. Agreement does not make it lawful.</p>"),
                new OptionDefinition("b", "Only she.", true, "<p>Right. See <a href=\"https://www.ilo.org\">the ILO</a>.</p>"),
                new OptionDefinition("c", "Her agency.", false, null),
            ],
            question.Options);
        Assert.Null(question.FeedbackHtml);
    }

    [Fact]
    public void A_multiple_choice_question_may_have_several_correct_options()
    {
        var question = SingleQuestion("""
            ## indicators {multiple}
            Which are indicators?

            - [x] Debt bondage
            - [ ] Travelling alone
            - [x] Retained passport
            """);

        Assert.Equal(QuestionType.MultipleChoice, question.Type);
        Assert.Equal(["a", "c"], question.Options.Where(o => o.IsCorrect).Select(o => o.Key));
    }

    [Fact]
    public void A_true_false_question_accepts_true_and_false_in_any_case_and_order()
    {
        var question = SingleQuestion("""
            ## consent {true-false}
            Consent obtained by deception is a defence.

            - [x] false
            - [ ] TRUE
            """);

        Assert.Equal(QuestionType.TrueFalse, question.Type);
        Assert.Equal(["false", "TRUE"], question.Options.Select(o => o.TextHtml));
        Assert.True(question.Options[0].IsCorrect);
    }

    [Fact]
    public void A_matching_question_has_plain_text_pairs_and_question_feedback()
    {
        var question = SingleQuestion("""
            ## instruments {matching}
            Match each instrument to what it covers.

            - ILO Convention 181 => private employment agencies
            - *CEDAW* =>   discrimination against women
            - Palermo Protocol => trafficking => in persons

            > Each instrument has **one** focus.
            """);

        Assert.Equal(QuestionType.Matching, question.Type);
        Assert.Equal(
            [
                new MatchPair("ILO Convention 181", "private employment agencies"),
                new MatchPair("CEDAW", "discrimination against women"),
                new MatchPair("Palermo Protocol", "trafficking => in persons"),
            ],
            question.Pairs);
        Assert.Equal("<p>Each instrument has <strong>one</strong> focus.</p>", question.FeedbackHtml);
    }

    [Fact]
    public void An_ordering_question_keeps_its_items_in_the_written_order()
    {
        var question = SingleQuestion("""
            ## referral-steps {ordering}
            Put these steps in order.

            1. Make sure she is safe.
            2. Explain what help exists.
            3. Refer her to the service she chooses.

            > Safety first.
            """);

        Assert.Equal(QuestionType.Ordering, question.Type);
        Assert.Equal(["Make sure she is safe.", "Explain what help exists.", "Refer her to the service she chooses."], question.OrderItems);
        Assert.Equal("<p>Safety first.</p>", question.FeedbackHtml);
    }

    [Fact]
    public void A_short_text_question_lists_its_accepted_answers()
    {
        var question = SingleQuestion("""
            ## skilled-sector {short-text}
            Which skilled sector employs the most women migrant workers? (one word)

            - accepted: nursing
            - Accepted:   Nurses

            > Nursing leads among skilled jobs.
            """);

        Assert.Equal(QuestionType.ShortText, question.Type);
        Assert.Equal(["nursing", "Nurses"], question.AcceptedAnswers);
        Assert.Equal("<p>Nursing leads among skilled jobs.</p>", question.FeedbackHtml);
    }

    [Fact]
    public void A_question_tagged_recall_after_its_type_is_marked_as_recall()
    {
        var tagged = SingleQuestion("""
            ## report-year {single  recall}
            When was the report published?

            - [x] 2009
              > Right: its cover says 2009.
            - [ ] 1999
              > No: that is ten years too early.
            """);
        var untagged = SingleQuestion(OneQuestion);

        Assert.Equal(QuestionType.SingleChoice, tagged.Type);
        Assert.True(tagged.Recall);
        Assert.False(untagged.Recall);
    }

    [Fact]
    public void A_choice_question_may_have_feedback_on_the_whole_question_after_its_options()
    {
        var question = SingleQuestion("""
            ## one-sign {single}
            One indicator means?

            - [ ] Proof
            - [x] Look closer

            > Indicators work in patterns.
            """);

        Assert.Equal("<p>Indicators work in patterns.</p>", question.FeedbackHtml);
        Assert.All(question.Options, o => Assert.Null(o.FeedbackHtml));
    }

    [Fact]
    public void A_scenario_is_one_pool_item_holding_its_case_text_and_questions()
    {
        var quiz = QuizFolder.ParseValid(QuizFolder.Quiz("""

            ## alone {true-false}
            Travelling alone is an indicator.

            - [ ] True
            - [x] False

            ## scenario: raid-detainees
            A raid finds *twelve* women.

            They have no papers.

            ### raid-screening {single}
            What first?

            - [x] Screen them
            - [ ] Deport them

            ### raid-order {ordering}
            Order the steps.

            1. Safety
            2. Screening
            """));

        Assert.Equal(["alone", "raid-detainees"], quiz.Items.Select(i => i.Id));
        var scenario = quiz.Items[1];
        Assert.Equal("<p>A raid finds <em>twelve</em> women.</p>\n<p>They have no papers.</p>", scenario.ScenarioHtml);
        Assert.Equal(["raid-screening", "raid-order"], scenario.Questions.Select(q => q.Id));
        Assert.Equal([5, 16, 22], quiz.AllQuestions.Select(q => q.Line));
        Assert.Equal("<p>What first?</p>", scenario.Questions[0].PromptHtml);
    }

    [Fact]
    public void A_prompt_may_hold_its_own_list_because_the_answers_are_the_last_list()
    {
        var question = SingleQuestion("""
            ## which-fact {single}
            She says:

            - she owes the agency
            - her employer has her passport

            Which is an indicator?

            - [x] Both
            - [ ] Neither
            """);

        Assert.Equal("<p>She says:</p>\n<ul>\n<li>she owes the agency</li>\n<li>her employer has her passport</li>\n</ul>\n<p>Which is an indicator?</p>", question.PromptHtml);
        Assert.Equal(["Both", "Neither"], question.Options.Select(o => o.TextHtml));
    }

    [Fact]
    public void Raw_html_is_sanitised_everywhere()
    {
        var question = SingleQuestion("""
            ## unsafe {single}
            Pick <script>alert(1)</script><b onclick="x()">one</b>.

            - [x] <img src="https://example.org/a.png" onerror="x()" alt="a"> yes
              > <script>alert(2)</script>fine
            - [ ] no
            """);

        Assert.DoesNotContain("script", question.PromptHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", question.PromptHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", question.Options[0].TextHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("script", question.Options[0].FeedbackHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glossary_link_shows_its_words_because_quizzes_have_no_glossary()
    {
        var question = SingleQuestion("""
            ## term {single}
            What is [[debt bondage|bonded labour]]?

            - [x] A debt used to force work
            - [ ] A loan
            """);

        Assert.Equal("<p>What is bonded labour?</p>", question.PromptHtml);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var quiz = QuizFolder.ParseValid(QuizFolder.Quiz(OneQuestion).Replace("\n", "\r\n", StringComparison.Ordinal));

        var question = Assert.Single(quiz.AllQuestions);
        Assert.Equal(5, question.Line);
        Assert.Equal(["Right", "Wrong"], question.Options.Select(o => o.TextHtml));
    }

    [Fact]
    public void The_final_quiz_belongs_to_no_module()
    {
        using var folder = new QuizFolder();
        folder.With("final.quiz.md", QuizFolder.Quiz(OneQuestion));
        var problems = new List<Training.Courses.Content.ContentProblem>();

        var quiz = QuizParser.Parse(Path.Combine(folder.CoursePath, "final.quiz.md"), "final.quiz.md", null, problems);

        Assert.Empty(problems);
        Assert.Null(quiz!.ModuleSlug);
    }

    private static QuestionDefinition SingleQuestion(string body) =>
        Assert.Single(QuizFolder.ParseValid(QuizFolder.Quiz("\n" + body)).AllQuestions);
}
