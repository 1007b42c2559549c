using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Content.Tests;

/// <summary>Content notes, reasons in feedback and few recall questions, checked on the real courses.</summary>
public sealed class QuizRulesTests
{
    /// <summary>At most this share of a course's questions (module quizzes and final together) may test recall.</summary>
    public const double MaxRecallShare = 0.10;

    public static TheoryData<string> RequiredCourses => new(Repository.RequiredCourses);

    private static CourseQuizzes Quizzes(string course) =>
        QuizLibrary.ReadAll(Path.Combine(Repository.ContentFolder, course), Repository.Root, []);

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void Every_passage_that_mentions_violence_comes_after_a_content_note(string slug)
    {
        var folder = Path.Combine(Repository.ContentFolder, slug);
        var missing = Directory.GetFiles(folder, "*.md")
            .Where(f => !f.EndsWith(".quiz.md", StringComparison.Ordinal))
            .SelectMany(f => ContentNotes.UncoveredInModule(File.ReadAllText(f))
                .Select(u => $"{Path.GetRelativePath(Repository.Root, f)}:{u.Line}: '{u.Words}' with no content note before it"))
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void Every_quiz_item_that_mentions_violence_opens_with_a_content_note(string slug)
    {
        var missing = Quizzes(slug).Originals
            .SelectMany(q => ContentNotes.UncoveredInQuiz(q.Definition)
                .Select(u => $"{q.DisplayPath}:{u.Item.Line}: '{u.Words}' in '{u.Item.Id}', which does not start with \"Content note:\""))
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void The_content_note_checks_catch_a_missing_note_and_accept_one_before_the_passage()
    {
        const string noNote = "---\ntitle: x\n---\n\n## A case\n\nHer employer beat her.\n";
        const string noteInSection = "---\ntitle: x\n---\n\n## A case\n\n:::content-note\nThis section describes violence.\n:::\n\nHer employer beat her.\n\n## Next\n\nShe was raped.\n";
        const string noteAtTop = ":::content-note\nThis module describes violence.\n:::\n\n## A case\n\nHer employer beat her.\n\n## Next\n\nShe was raped.\n";
        var quiz = QuizParser.ParseText("---\npassMark: 70\n---\n\n## q {single}\nHer employer beat her. What do you do?\n\n- [x] Refer\n  > Right: she needs help.\n- [ ] Wait\n  > No: she needs help now.\n", "x.quiz.md", null, []);

        Assert.Equal([(7, "beat")], ContentNotes.UncoveredInModule(noNote));
        Assert.Equal([(15, "raped")], ContentNotes.UncoveredInModule(noteInSection));
        Assert.Empty(ContentNotes.UncoveredInModule(noteAtTop));
        Assert.Single(ContentNotes.UncoveredInQuiz(quiz!));
        Assert.Empty(ContentNotes.UncoveredInQuiz(quiz! with { Items = [quiz.Items[0] with { Questions = [quiz.Items[0].Questions[0] with { PromptHtml = "<p>Content note: this question mentions violence. " + quiz.Items[0].Questions[0].PromptHtml[3..] }] }] }));
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void Every_option_pair_step_and_short_answer_has_a_reason_in_its_feedback(string slug)
    {
        var bare = Quizzes(slug).Originals
            .SelectMany(q => q.Definition.AllQuestions.SelectMany(question => QuestionQuality.FeedbackProblems(question)
                .Select(p => $"{q.DisplayPath}:{question.Line}: '{question.Id}': {p}")))
            .ToList();

        Assert.True(bare.Count == 0, string.Join("\n", bare));
    }

    [Fact]
    public void The_feedback_check_catches_a_bare_verdict_and_a_pair_left_unexplained()
    {
        var choice = new QuestionDefinition
        {
            Id = "q", Type = QuestionType.SingleChoice,
            Options = [new("a", "Nursing", true, "<p>Right (000_f5cd69f64d87e2a0.txt).</p>"), new("b", "Mining", false, "<p>No. Few women work in mines, so it cannot lead.</p>")],
        };
        var matching = new QuestionDefinition
        {
            Id = "m", Type = QuestionType.Matching, Pairs = [new("CEDAW", "discrimination"), new("Palermo Protocol", "trafficking")],
            FeedbackHtml = "<p>CEDAW is about discrimination against women.</p>",
        };

        Assert.Equal(["option 'Nursing' has no reason in its feedback: \"Right (000_f5cd69f64d87e2a0.txt).\""], QuestionQuality.FeedbackProblems(choice));
        Assert.Equal(2, QuestionQuality.FeedbackProblems(matching).Count());
        Assert.Single(QuestionQuality.FeedbackProblems(choice with { Options = [choice.Options[0] with { FeedbackHtml = "<p>Right. These topics are listed in 004_8e8852ea4974e865.txt.</p>" }, choice.Options[1]] }));
        Assert.Empty(QuestionQuality.FeedbackProblems(matching with { FeedbackHtml = "<p>CEDAW covers discrimination; the Palermo Protocol defines trafficking.</p>" }));
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void At_most_a_tenth_of_a_course_s_questions_test_recall_and_number_answers_are_tagged(string slug)
    {
        var quizzes = Quizzes(slug).Originals;
        var questions = quizzes.SelectMany(q => q.Definition.AllQuestions.Select(question => (q.DisplayPath, Question: question))).ToList();

        var untagged = questions.Where(x => !x.Question.Recall && QuestionQuality.AnswersWithANumber(x.Question))
            .Select(x => $"{x.DisplayPath}:{x.Question.Line}: '{x.Question.Id}' is answered with a number: tag it {{... recall}} or ask for a judgement")
            .ToList();
        var recall = questions.Count(x => x.Question.Recall);

        Assert.True(untagged.Count == 0, string.Join("\n", untagged));
        Assert.True(recall <= MaxRecallShare * questions.Count,
            $"{slug}: {recall} of {questions.Count} questions are tagged recall, more than {MaxRecallShare:P0}: " +
            string.Join(", ", questions.Where(x => x.Question.Recall).Select(x => $"{Path.GetFileName(x.DisplayPath)}/{x.Question.Id}")));
    }
}
