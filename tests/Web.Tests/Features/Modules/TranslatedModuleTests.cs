using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Modules;

/// <summary>The repository's welcome course, read by learners whose language (the request's UI culture) has a translation.</summary>
public sealed class TranslatedModuleTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    private async Task<HttpClient> EnrolledLearnerAsync()
    {
        var learner = await app.CreateUserAsync("Léa Lectrice", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, WelcomeCourse.Slug, default);
        }
        return await app.LoggedInClientAsync(learner.Email!);
    }

    [Fact]
    public async Task A_learner_reading_in_French_gets_the_French_module_course_page_and_glossary()
    {
        var client = await EnrolledLearnerAsync();

        var module = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/welcome/modules/words-that-respect-people?culture=fr"));
        var print = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/welcome/modules/words-that-respect-people/print?culture=fr"));
        var course = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/welcome?culture=fr"));
        var glossary = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/welcome/glossary?culture=fr"));

        Assert.Contains("<article class=\"module\" aria-labelledby=\"module-title\" lang=\"fr\" dir=\"ltr\">", module);
        Assert.Contains("Des mots qui respectent les personnes", module);
        Assert.Contains("<h2 id=\"décrire-la-situation-pas-la-personne\">Décrire la situation, pas la personne</h2>", module);
        Assert.Contains("href=\"/courses/welcome/glossary#term-travailleuse-ou-travailleur-migrant\"", module);
        Assert.Contains("aria-label=\"Attention\"", module);
        Assert.DoesNotContain("not yet available in your language", module);
        Assert.Contains("<article lang=\"fr\" dir=\"ltr\">", print);
        Assert.Contains("Un cas court", print);
        Assert.Contains("Avant de commencer : travailler avec les personnes migrantes dans le respect", course);
        Assert.Contains("Comment fonctionnent ces cours", course);
        Assert.Contains("<dl class=\"glossary\" lang=\"fr\" dir=\"ltr\">", glossary);
        Assert.Contains("id=\"term-travailleuse-ou-travailleur-migrant\"", glossary);
        Assert.Contains("traite des êtres humains", glossary);
        Assert.Contains("<span id=\"term-migrant-worker\"></span>", glossary); // links in untranslated modules still land
        Assert.DoesNotContain("Describe the situation as irregular", glossary);
    }

    [Fact]
    public async Task A_learner_reading_in_Arabic_gets_the_module_right_to_left_with_its_own_figure()
    {
        var client = await EnrolledLearnerAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dar%7Cuic%3Dar");

        var module = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/welcome/modules/how-these-courses-work"));

        Assert.Contains("lang=\"ar\" dir=\"rtl\"", module);
        Assert.Contains("كيف تعمل هذه الدورات", module);
        Assert.Contains("src=\"/courses/welcome/media/translations/ar/images/learning-path.svg\"", module);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/courses/welcome/media/translations/ar/images/learning-path.svg")).StatusCode);
    }

    [Fact]
    public async Task A_learner_reading_in_English_gets_the_original_without_a_note()
    {
        var client = await EnrolledLearnerAsync();

        var module = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/welcome/modules/words-that-respect-people?culture=en"));

        Assert.Contains("lang=\"en\" dir=\"ltr\"", module);
        Assert.Contains("Describe the situation, not the person", module);
        Assert.DoesNotContain("not yet available in your language", module);
    }
}
