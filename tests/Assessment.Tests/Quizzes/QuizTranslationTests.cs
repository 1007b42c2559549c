using Training.Assessment.Grading;
using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Assessment.Tests.Quizzes;

/// <summary>A translated quiz (translations/&lt;language&gt;/NN-slug.quiz.md) must keep its original's structure and key.</summary>
public sealed class QuizTranslationTests
{
    private const string Original = """
        ---
        passMark: 70
        ---

        ## passport {true-false}
        An employer may keep a worker's passport.

        - [ ] True
        - [x] False

        ## signs {multiple}
        Which are indicators?

        - [x] Debt
        - [ ] Travelling alone
        - [x] Isolation

        ## instruments {matching}
        Match each instrument.

        - ILO C181 => recruitment agencies
        - CEDAW => discrimination against women

        ## steps {ordering}
        Put in order.

        1. Safety
        2. Options
        3. Referral

        ## sector {short-text}
        Which skilled sector? (one word)

        - accepted: nursing
        """;

    // The French text of each question, on the same lines as the original's.
    private const string Passport = "## passport {true-false}\nUn employeur peut garder le passeport.\n\n- [ ] True\n- [x] False\n";
    private const string Signs = "## signs {multiple}\nQuels sont les indicateurs ?\n\n- [x] La dette\n- [ ] Voyager seule\n- [x] L'isolement\n";
    private const string Instruments = "## instruments {matching}\nAssociez chaque instrument.\n\n- C181 de l'OIT => agences de recrutement\n- CEDEF => discrimination à l'égard des femmes\n";
    private const string Steps = "## steps {ordering}\nMettez dans l'ordre.\n\n1. Sécurité\n2. Options\n3. Orientation\n";
    private const string Sector = "## sector {short-text}\nQuel secteur qualifié ? (un mot)\n\n- accepted: soins infirmiers\n- accepted: infirmière\n- accepted: infirmiere\n";

    private static string French(params string[] questions) => "---\npassMark: 70\n---\n\n" + string.Join("\n", questions);

    private static readonly string TranslatedFile = Path.Combine(QuizFolder.Slug, "translations", "fr", "01-first.quiz.md");

    private static (CourseQuizzes Quizzes, List<ContentProblem> Problems) Read(string french, string original = Original)
    {
        using var folder = new QuizFolder();
        folder.With("01-first.md", "---\ntitle: First\n---\n").With("01-first.quiz.md", original);
        Directory.CreateDirectory(Path.Combine(folder.CoursePath, "translations", "fr"));
        folder.With(Path.Combine("translations", "fr", "01-first.quiz.md"), french);
        var problems = new List<ContentProblem>();
        return (QuizLibrary.ReadAll(folder.CoursePath, folder.Root, problems), problems);
    }

    [Fact]
    public void A_translation_with_the_same_ids_types_and_marks_is_read_for_its_language()
    {
        var (quizzes, problems) = Read(French(Passport, Signs, Instruments, Steps, Sector));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var translation = Assert.Single(quizzes.Translations);
        Assert.Equal(("fr", "01-first.quiz.md", "first"), (translation.Language, translation.FileName, translation.Definition.ModuleSlug));
        Assert.Contains("Quels sont les indicateurs", translation.Definition.AllQuestions.ElementAt(1).PromptHtml);
    }

    public static TheoryData<string, int, string> Mismatches => new()
    {
        { French(Passport, Signs, Instruments, Steps), 24, "The original's question or scenario 'sector' is missing from the translation: translate every one, with the same id." },
        { French(Passport, Signs, Instruments, Steps, Sector, "## extra {single}\nEn plus ?\n\n- [x] Oui\n- [ ] Non\n"), 38, "The question or scenario 'extra' is not in the original: ids are never translated, so copy the original's id." },
        { French(Signs, Passport, Instruments, Steps, Sector), 5, "The question or scenario 'signs' comes where the original has 'passport': keep the original's order." },
        { French(Passport.Replace("{true-false}", "{single}", StringComparison.Ordinal), Signs, Instruments, Steps, Sector), 5, "Question 'passport' is {single} here but {true-false} in the original: a translation never changes a question's type." },
        { French(Passport.Replace("{true-false}", "{true-false recall}", StringComparison.Ordinal), Signs, Instruments, Steps, Sector), 5, "Question 'passport' is tagged 'recall' here but is not in the original: copy the tags after the type as they are." },
        { French(Passport, Signs.Replace("- [x] L'isolement\n", "", StringComparison.Ordinal), Instruments, Steps, Sector), 11, "Question 'signs' has 2 options here and 3 in the original: translate each option, in the same order." },
        { French(Passport, Signs.Replace("- [x] La dette\n- [ ] Voyager seule", "- [ ] La dette\n- [x] Voyager seule", StringComparison.Ordinal), Instruments, Steps, Sector), 11, "Question 'signs' marks different options correct than the original: keep each option's [x] or [ ] as in the original, in the same order." },
        { French(Passport, Signs, Instruments + "- Protocole de Palerme => traite\n", Steps, Sector), 18, "Question 'instruments' has 3 pairs here and 2 in the original: translate each pair, in the same order." },
        { French(Passport, Signs, Instruments, Steps.Replace("3. Orientation\n", "", StringComparison.Ordinal), Sector), 24, "Question 'steps' has 2 items to order here and 3 in the original: translate each item, in the same (correct) order." },
        { French(Passport, Signs, Instruments, Steps, Sector).Replace("passMark: 70", "passMark: 50", StringComparison.Ordinal), 2, "A translation's settings come from the original: copy the original's front matter unchanged." },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void A_translation_that_differs_from_its_original_is_reported_with_file_and_line(string french, int line, string message)
    {
        var (quizzes, problems) = Read(french);

        Assert.Equal([$"{TranslatedFile}:{line}: {message}"], problems.Select(p => p.ToString()));
        Assert.Empty(quizzes.Translations);
        Assert.Single(quizzes.Originals);
    }

    [Fact]
    public void A_translated_quiz_without_an_original_file_is_reported()
    {
        using var folder = new QuizFolder();
        folder.With("01-first.md", "---\ntitle: First\n---\n").With("01-first.quiz.md", Original);
        Directory.CreateDirectory(Path.Combine(folder.CoursePath, "translations", "fr"));
        folder.With(Path.Combine("translations", "fr", "02-second.quiz.md"), French(Passport));
        var problems = new List<ContentProblem>();

        QuizLibrary.ReadAll(folder.CoursePath, folder.Root, problems);

        Assert.Equal([$"{Path.Combine(QuizFolder.Slug, "translations", "fr", "02-second.quiz.md")}:1: This translation has no original: the course has no quiz file '02-second.quiz.md'. A translation keeps its original's file name."],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_translated_quiz_keeps_the_original_key_and_accepts_short_answers_in_both_languages()
    {
        var (quizzes, _) = Read(French(Passport, Signs, Instruments, Steps, Sector));
        var original = quizzes.Originals.Single().Definition;

        var shown = TranslatedDefinition.Of(original, quizzes.Translations.Single().Definition);

        var questions = shown.AllQuestions.ToDictionary(q => q.Id);
        Assert.Equal(original.AllQuestions.Select(q => q.Id), shown.AllQuestions.Select(q => q.Id));
        Assert.Equal(original.AllQuestions.SelectMany(q => q.Options).Select(o => (o.Key, o.IsCorrect)), shown.AllQuestions.SelectMany(q => q.Options).Select(o => (o.Key, o.IsCorrect)));
        Assert.Equal("La dette", questions["signs"].Options[0].TextHtml);
        Assert.Equal(1m, QuizGrader.Grade(questions["signs"], new QuestionAnswer { Choices = ["a", "c"] }, partialCredit: true));
        Assert.Equal(1m, QuizGrader.Grade(questions["sector"], new QuestionAnswer { Text = "Infirmière" }, partialCredit: true));
        Assert.Equal(1m, QuizGrader.Grade(questions["sector"], new QuestionAnswer { Text = "nursing" }, partialCredit: true));
        Assert.Equal(1m, QuizGrader.Grade(questions["instruments"],
            new QuestionAnswer { Matches = new Dictionary<string, string> { ["C181 de l'OIT"] = "agences de recrutement", ["CEDEF"] = "discrimination à l'égard des femmes" } }, partialCredit: true));
        Assert.Equal(1m, QuizGrader.Grade(questions["steps"], new QuestionAnswer { Order = ["Sécurité", "Options", "Orientation"] }, partialCredit: true));
    }
}
