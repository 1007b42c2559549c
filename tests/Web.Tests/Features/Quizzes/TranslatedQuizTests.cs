using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Assessment.Statistics;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Quizzes;

/// <summary>The quiz course with a French translation of its first module and its quiz (not of the second module).</summary>
public sealed class TranslatedQuizTests : IDisposable
{
    private readonly QuizContent content = new();
    private readonly TrainingAppFactory app;

    public TranslatedQuizTests()
    {
        var french = Path.Combine(content.Folder, QuizContent.Course, "translations", "fr");
        Directory.CreateDirectory(french);
        File.WriteAllText(Path.Combine(french, "course.yml"), "title: Cours de quiz\nsummary: Un cours pour tester les quiz.\n");
        File.WriteAllText(Path.Combine(french, "01-basics.md"), "---\ntitle: Les bases\nestimatedMinutes: 5\nobjectives: [Connaître les bases.]\n---\n\n## Les bases\n\nTexte.\n");
        File.WriteAllText(Path.Combine(french, "01-basics.quiz.md"), """
            ---
            passMark: 75
            attemptLimit: 3
            timeLimitMinutes: 10
            shuffle: false
            ---

            ## held-passport {true-false}
            Un employeur peut garder le passeport d'une travailleuse si elle a donné son accord.

            - [ ] True
              > RETOUR-VRAI-FAUX
            - [x] False
              > RETOUR-FAUX-JUSTE

            ## indicators {multiple}
            Lesquels sont des indicateurs de travail forcé ?

            - [x] La servitude pour dettes
              > RETOUR-DETTE
            - [ ] Voyager seule
              > RETOUR-SEULE
            - [x] L'isolement
              > RETOUR-ISOLEMENT

            ## instruments {matching}
            Associez chaque instrument à ce qu'il couvre.

            - C181 de l'OIT => agences de recrutement
            - CEDEF => discrimination à l'égard des femmes

            > RETOUR-ASSOCIATION

            ## steps {ordering}
            Mettez les étapes dans l'ordre.

            1. La sécurité d'abord
            2. Expliquer les options
            3. Orienter

            > RETOUR-ORDRE

            ## sector {short-text}
            Quel secteur qualifié emploie le plus de travailleuses migrantes ? (un ou deux mots)

            - accepted: soins infirmiers
            - accepted: infirmière
            - accepted: infirmiere

            > RETOUR-SECTEUR
            """);
        app = new TrainingAppFactory().WithSetting("Content:Folder", content.Folder);
        _ = app.Services;
    }

    private static readonly Dictionary<string, QuestionAnswer> AllRightInFrench = new()
    {
        ["held-passport"] = new() { Choices = ["b"] },
        ["indicators"] = new() { Choices = ["a", "c"] },
        ["instruments"] = new() { Matches = new Dictionary<string, string> { ["C181 de l'OIT"] = "agences de recrutement", ["CEDEF"] = "discrimination à l'égard des femmes" } },
        ["steps"] = new() { Order = ["La sécurité d'abord", "Expliquer les options", "Orienter"] },
        ["sector"] = new() { Text = " Infirmière " },
    };

    [Fact]
    public async Task An_attempt_started_in_French_stays_French_and_is_graded_with_the_same_key_accepting_a_French_answer()
    {
        var (client, learner) = await EnrolledLearnerAsync();
        var start = await client.PostFormAsync($"/courses/{QuizContent.Course}/quizzes/basics?culture=fr", [], $"/courses/{QuizContent.Course}/quizzes/basics/start?culture=fr");
        var attemptUrl = start.Headers.Location!.OriginalString;

        // The language was decided at the start: the pages stay French whatever the request says now.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"{attemptUrl}?step=1&culture=en"));
        var matching = WebUtility.HtmlDecode(await client.GetStringAsync($"{attemptUrl}?step=3&culture=en"));
        Assert.Contains("Un employeur peut garder le passeport", page);
        // The quiz's words are marked French, the page's own words (legends, buttons) stay in the reader's language.
        Assert.Contains("class=\"prompt\" id=\"prompt-held-passport\" lang=\"fr\" dir=\"ltr\"", page);
        Assert.DoesNotContain("id=\"attempt-form\" lang=", page);
        Assert.DoesNotContain("An employer may keep", page);
        Assert.Contains("C181 de l'OIT", matching);
        var attemptId = int.Parse(attemptUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("fr", app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId).Language));

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(SaveOutcome.Saved, (await scope.ServiceProvider.GetRequiredService<AttemptService>().SaveAsync(learner, attemptId, AllRightInFrench, null, default)).Outcome);
        }
        var submit = await client.PostFormAsync(attemptUrl, [], $"{attemptUrl}/submit");
        var result = WebUtility.HtmlDecode(await client.GetStringAsync(submit.Headers.Location!.OriginalString));

        Assert.Equal(100m, app.WithDb(db => db.QuizAttempts.Single(a => a.Id == attemptId).Score));
        Assert.Contains("RETOUR-FAUX-JUSTE", result);
        Assert.DoesNotContain("FEEDBACK-", result);
    }

    [Fact]
    public async Task The_learner_home_the_final_assessment_and_true_or_false_answers_follow_the_reader_language()
    {
        var (client, learner) = await EnrolledLearnerAsync();

        // My learning: the course's and the next module's titles from the translation.
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/learn?culture=fr"));
        Assert.Contains("Cours de quiz", home);
        Assert.Contains("Les bases", home);
        Assert.DoesNotContain("Quiz course", home);

        // The final assessment has no module title: its name is interface text.
        var final = WebUtility.HtmlDecode(await client.GetStringAsync($"/courses/{QuizContent.Course}/quizzes/final?culture=fr"));
        Assert.Contains("Quiz\u00a0: Évaluation finale", final);
        Assert.DoesNotContain("Final assessment", final);

        // True and false in the review, in the reader's language (the quiz file says True and False in every language).
        int attemptId;
        using (var scope = app.Services.CreateScope())
        {
            var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
            (_, var id) = await attempts.StartOrResumeAsync(learner, QuizContent.Course, "basics", "fr", default);
            attemptId = id!.Value;
            await attempts.SaveAsync(learner, attemptId, new Dictionary<string, QuestionAnswer> { ["held-passport"] = new() { Choices = ["a"] } }, null, default);
            await attempts.SubmitAsync(learner, attemptId, default);
        }
        var result = await client.GetStringAsync($"/attempts/{attemptId}/result?culture=fr");
        Assert.Contains("<li>Vrai</li>", result);
        Assert.Contains("<li>Faux</li>", result);
        Assert.DoesNotContain("<li>True</li>", result);
    }

    [Fact]
    public async Task A_translation_cannot_change_what_is_correct_and_the_original_answer_is_accepted_too()
    {
        var (_, learner) = await EnrolledLearnerAsync();
        using var scope = app.Services.CreateScope();
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        var (_, id) = await attempts.StartOrResumeAsync(learner, QuizContent.Course, "basics", "fr", default);
        await attempts.SaveAsync(learner, id!.Value, new Dictionary<string, QuestionAnswer>
        {
            ["held-passport"] = new() { Choices = ["a"] },     // "True", wrong in both languages
            ["indicators"] = new() { Choices = ["a", "c"] },
            ["sector"] = new() { Text = "nursing" },            // the original's answer
        }, null, default);

        await attempts.SubmitAsync(learner, id.Value, default);

        Assert.Equal(40m, app.WithDb(db => db.QuizAttempts.Single(a => a.Id == id).Score));
    }

    [Fact]
    public async Task A_module_without_a_translation_is_shown_in_the_original_with_a_note()
    {
        var (client, _) = await EnrolledLearnerAsync();

        var untranslated = WebUtility.HtmlDecode(await client.GetStringAsync($"/courses/{QuizContent.Course}/modules/more?culture=fr"));
        var translated = WebUtility.HtmlDecode(await client.GetStringAsync($"/courses/{QuizContent.Course}/modules/basics?culture=fr"));

        // The note is in the reader's language, naming the language shown.
        Assert.Contains("Ce module n'est pas encore disponible dans votre langue\u00a0; il est affiché en anglais.", untranslated);
        Assert.Contains("lang=\"en\" dir=\"ltr\"", untranslated);
        Assert.Contains("Les bases", translated);
        Assert.DoesNotContain("not yet available in your language", translated);
    }

    [Fact]
    public async Task Trainers_can_split_item_statistics_by_the_language_of_the_attempts()
    {
        await AttemptAsync("fr", AllRightInFrench);
        await AttemptAsync(null, new() { ["held-passport"] = new() { Choices = ["a"] } });

        using var scope = app.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<QuizStatisticsQuery>();
        var all = (await query.GetAsync(QuizContent.Course, "basics", null, default))!;
        var french = (await query.GetAsync(QuizContent.Course, "basics", "fr", default))!;
        var english = (await query.GetAsync(QuizContent.Course, "basics", "en", default))!;
        var trainer = await app.LoggedInClientAsync((await app.CreateUserAsync("Tess Trainer", Roles.Trainer)).Email!);
        var page = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/teach/quizzes/{QuizContent.Course}/basics?language=fr"));

        Assert.Equal([new LanguageCount("en", 1), new LanguageCount("fr", 1)], all.Languages);
        Assert.Equal((2, 50m), (all.Attempts, all.AverageScore!.Value));
        Assert.Equal((1, 100m), (french.Attempts, french.Questions.Single(q => q.QuestionId == "held-passport").FacilityPercent!.Value));
        Assert.Equal((1, 0m), (english.Attempts, english.Questions.Single(q => q.QuestionId == "held-passport").FacilityPercent!.Value));
        Assert.Contains("<strong aria-current=\"page\">French (1)</strong>", page);
        Assert.Contains("English (1)", page);
    }

    private async Task<(HttpClient Client, string UserId)> EnrolledLearnerAsync()
    {
        var learner = await app.CreateUserAsync("Lou Learner", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        }
        return (await app.LoggedInClientAsync(learner.Email!), learner.Id);
    }

    private async Task AttemptAsync(string? language, Dictionary<string, QuestionAnswer> answers)
    {
        var (_, learner) = await EnrolledLearnerAsync();
        using var scope = app.Services.CreateScope();
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        var (_, id) = await attempts.StartOrResumeAsync(learner, QuizContent.Course, "basics", language, default);
        await attempts.SaveAsync(learner, id!.Value, answers, null, default);
        await attempts.SubmitAsync(learner, id.Value, default);
    }

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
    }
}
