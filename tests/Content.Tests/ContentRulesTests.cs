using System.Text.RegularExpressions;
using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Content.Tests;

/// <summary>The rules the four courses are written to, checked on the real course-content/ folder.</summary>
public sealed partial class ContentRulesTests
{
    public static TheoryData<string> RequiredCourses => new(Repository.RequiredCourses);

    private static CourseSource Read(string course) => CourseSource.Read(Path.Combine(Repository.ContentFolder, course), Repository.Root);

    [Fact]
    public void Every_course_and_quiz_in_the_folder_validates_with_no_problems()
    {
        var courses = ContentLibrary.ReadAll(Repository.ContentFolder, Repository.Root);
        var problems = courses.SelectMany(c => c.Problems).ToList();
        foreach (var course in courses)
        {
            QuizLibrary.ReadCourse(course.Files, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(Repository.RequiredCourses, slug => Assert.Contains(courses, c => c.Slug == slug));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ar")]
    public void The_welcome_course_is_translated_in_full_and_every_translation_keeps_its_original_structure(string language)
    {
        var courses = ContentLibrary.ReadAll(Repository.ContentFolder, Repository.Root);
        var welcome = courses.Single(c => c.Slug == "welcome");

        var translation = welcome.Translations.SingleOrDefault(t => t.Language == language);

        Assert.NotNull(translation);
        Assert.True(translation.IsValid, string.Join("\n", translation.Problems));
        Assert.Equal(welcome.Modules.Select(m => m.Source.FileName), translation.Modules.Select(m => m.Source.FileName));
        Assert.Equal(welcome.Glossary.Select(g => g.Term), translation.Glossary.Select(g => g.Original));
        // Every translation shipped in the folder, of any course, is read and valid (the test above covers problems).
        Assert.All(courses.SelectMany(c => c.Translations), t => Assert.True(t.IsValid, string.Join("\n", t.Problems)));
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void A_course_has_four_to_six_modules_of_800_to_2000_words(string slug)
    {
        var course = Read(slug);

        Assert.InRange(course.Modules.Count, 4, 6);
        Assert.All(course.Modules, m =>
        {
            var words = WordCount(course.Files, m.Source);
            Assert.True(words is >= 800 and <= 2000, $"{m.Source.FileName}: {words} words.");
        });
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void Every_module_names_source_files_that_exist_or_marks_general_knowledge(string slug)
    {
        var seeds = SeedShingles.SeedFileNames();
        var course = Read(slug);

        Assert.All(course.Course!.Sources, s => Assert.Contains(s, seeds));
        Assert.All(course.Modules, m =>
        {
            var front = m.Source.FrontMatter!;
            Assert.True(front.Sources.Count > 0 || front.GeneralKnowledge.Count > 0, $"{m.Source.FileName} names no source and no general knowledge.");
            Assert.All(front.Sources, s => Assert.True(seeds.Contains(s), $"{m.Source.FileName}: no source file '{s}' in the seeds."));
        });
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void Every_module_has_objectives_a_cited_case_and_a_summary(string slug)
    {
        var seeds = SeedShingles.SeedFileNames();
        var course = Read(slug);

        Assert.All(course.Modules, m =>
        {
            Assert.NotEmpty(m.Source.FrontMatter!.Objectives);
            var text = course.Files.ReadText(m.Source.FileName);
            Assert.True(seeds.Any(s => text.Contains("]: ", StringComparison.Ordinal) && FootnoteLines(text).Any(l => l.Contains(s, StringComparison.Ordinal))),
                $"{m.Source.FileName} cites no source file in a footnote.");
            Assert.Contains(m.Rendered.TableOfContents, t => t.Text is "Summary" or "In short");
        });
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void Every_module_has_a_quiz_of_6_to_12_questions_with_three_types_a_scenario_and_feedback(string slug)
    {
        var problems = new List<ContentProblem>();
        var course = Read(slug);
        var quizzes = QuizLibrary.ReadCourse(course.Files, problems);

        Assert.All(course.Modules, m =>
        {
            var quiz = quizzes.SingleOrDefault(q => q.ModuleSlug == m.Source.Slug);
            Assert.True(quiz is not null, $"{m.Source.FileName} has no quiz.");
            var questions = quiz.AllQuestions.ToList();
            Assert.InRange(questions.Count, 6, 12);
            Assert.True(questions.Select(q => q.Type).Distinct().Count() >= 3, $"{m.Source.Slug}: fewer than three question types.");
            Assert.Contains(quiz.Items, i => i.ScenarioHtml is not null);
            Assert.All(questions, q => Assert.True(HasFeedback(q), $"{m.Source.Slug}/{q.Id} lacks feedback."));
        });
    }

    [Theory]
    [MemberData(nameof(RequiredCourses))]
    public void The_final_assessment_draws_from_a_pool_and_the_course_sets_a_pass_mark_and_a_validity(string slug)
    {
        var course = Read(slug);
        var final = QuizLibrary.ReadCourse(course.Files, []).SingleOrDefault(q => q.ModuleSlug is null);

        Assert.NotNull(final);
        Assert.NotNull(final.Draw);
        Assert.True(final.Items.Count > final.Draw, $"{slug}: the pool has {final.Items.Count} items for a draw of {final.Draw}.");
        Assert.InRange(course.Course!.PassMark!.Value, 1, 100);
        Assert.True(course.Course.CertificateValidityMonths > 0);
        Assert.NotEmpty(course.Glossary);
    }

    [Fact]
    public void No_module_or_quiz_shares_twelve_consecutive_words_with_a_source()
    {
        var seeds = SeedShingles.Load();
        var files = Directory.GetFiles(Repository.ContentFolder, "*.md", SearchOption.AllDirectories);

        var copied = files.SelectMany(f => Shingles.Of(Shingles.Authored(File.ReadAllText(f)))
                .Where(s => seeds.Contains(s.Hash))
                .Select(s => $"{Path.GetRelativePath(Repository.Root, f)}: \"{s.Text}\""))
            .Distinct().ToList();

        Assert.NotEmpty(seeds);
        Assert.True(copied.Count == 0, "Rewrite these in your own words:\n" + string.Join("\n", copied));
    }

    [Fact]
    public void No_module_or_quiz_follows_a_source_for_five_content_words_in_a_row()
    {
        var seeds = SeedShingles.LoadContent();
        var files = Directory.GetFiles(Repository.ContentFolder, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}translations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var paraphrased = files.SelectMany(f => Shingles.ContentOf(Shingles.Authored(File.ReadAllText(f)))
                .Where(s => seeds.Contains(s.Hash))
                .Select(s => $"{Path.GetRelativePath(Repository.Root, f)}: \"{s.Text}\""))
            .Distinct().ToList();

        Assert.NotEmpty(seeds);
        Assert.True(paraphrased.Count == 0, "These follow a source's wording too closely (content words shown stemmed); say it in your own structure:\n" + string.Join("\n", paraphrased));
    }

    [Fact]
    public void The_content_word_check_catches_a_paraphrase_that_only_swaps_small_words()
    {
        const string source = "Officers should assess the protection needs of vulnerable migrants and provide assistance based on their hardship.";
        const string paraphrase = "An officer must assess protection needs for a vulnerable migrant, providing assistance based on her hardship.";
        const string ownWords = "Ask what she needs first; her hardship, not her papers, decides what help you offer.";

        var fromSource = Shingles.ContentOf(source).Select(s => s.Hash).ToHashSet();

        Assert.DoesNotContain(Shingles.Of(paraphrase), s => Shingles.Of(source).Any(t => t.Hash == s.Hash));
        Assert.Contains(Shingles.ContentOf(paraphrase), s => fromSource.Contains(s.Hash));
        Assert.DoesNotContain(Shingles.ContentOf(ownWords), s => fromSource.Contains(s.Hash));
        // Names of instruments are capitalised and may be named: they never make a run.
        Assert.Empty(Shingles.ContentOf("the Convention on the Elimination of All Forms of Discrimination against Women"));
    }

    [Fact]
    public void The_check_catches_a_sentence_copied_from_a_source()
    {
        var seeds = SeedShingles.Load();
        var source = SeedShingles.SeedsPresent
            ? File.ReadAllText(Directory.GetFiles(Repository.SeedsFolder, "*.txt").First())
            : null;
        // Without the sources at hand, a shingle of the fixture cannot be turned back into words; the
        // fixture test below then guards the data instead.
        if (source is null)
        {
            Assert.NotEmpty(seeds);
            return;
        }
        var copiedRun = Shingles.Of(source).Skip(200).First();

        Assert.Contains(Shingles.Hash(copiedRun.Text), seeds);
        Assert.Contains(Shingles.Of("As the report says, " + copiedRun.Text + " and so on."), s => seeds.Contains(s.Hash));
    }

    [Fact]
    public void The_committed_fixture_matches_the_sources_when_they_are_present()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SEED_FIXTURE") == "1")
        {
            SeedShingles.WriteFixture();
        }
        Assert.True(File.Exists(SeedShingles.FixtureFile) && File.Exists(SeedShingles.ContentFixtureFile), "Run the tests once with UPDATE_SEED_FIXTURE=1 beside ../shared/seeds.");
        if (SeedShingles.SeedsPresent)
        {
            Assert.True(SeedShingles.FromSeeds().SetEquals(SeedShingles.FromFixture()) && SeedShingles.ContentFromSeeds().SetEquals(SeedShingles.ContentFromFixture()),
                "The sources changed: run the Content tests with UPDATE_SEED_FIXTURE=1 and commit Fixtures/.");
        }
    }

    private static bool HasFeedback(QuestionDefinition question) => question.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.TrueFalse =>
            question.Options.All(o => !string.IsNullOrWhiteSpace(o.FeedbackHtml)),
        _ => !string.IsNullOrWhiteSpace(question.FeedbackHtml),
    };

    private static IEnumerable<string> FootnoteLines(string text) => text.Split('\n').Where(l => FootnoteDefinition().IsMatch(l));

    /// <summary>Words of the module body (front matter and footnote definitions left out).</summary>
    private static int WordCount(CourseFiles files, ModuleSource module) =>
        WordPattern().Count(Shingles.Authored(files.ReadText(module.FileName)));

    [GeneratedRegex(@"^\[\^[^\]]+\]:")]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex WordPattern();
}
