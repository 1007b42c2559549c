using System.Net;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Catalog;

/// <summary>The catalog search over courses in French, Spanish, Arabic and German spelling, on the real SQLite file.</summary>
public sealed class CatalogSearchTests : IDisposable
{
    private static readonly string[] Slugs = ["egalite", "trafico", "huquq", "strasse"];
    private readonly string contentFolder = Path.Combine(Path.GetTempPath(), "training-search-tests", Guid.NewGuid().ToString("N"));
    private readonly TrainingAppFactory app;

    public CatalogSearchTests()
    {
        WriteCourse("egalite", "Égalité des chances au travail", "Un cours sur l'égalité.", "fr", "inspecteurs du travail");
        WriteCourse("trafico", "TRAFICO DE PERSONAS", "Cómo reconocer a una posible víctima.", "es", "policía");
        WriteCourse("huquq", "حُقُوقُ الْمُهَاجِرِينَ", "إحالة الضحايا إلى الخدمات المتخصصة.", "ar", "الشرطة");
        WriteCourse("strasse", "Sicherheit auf der Straße", "Ein Kurs.", "de", "Polizei");
        app = new TrainingAppFactory().WithSetting("Content:Folder", contentFolder);
    }

    [Theory]
    [InlineData("egalite", "egalite")]
    [InlineData("EGALITÉ chances", "egalite")]
    [InlineData("tráfico", "trafico")]
    [InlineData("víctima", "trafico")]
    [InlineData("VICTIMA", "trafico")]
    [InlineData("حقوق المهاجرين", "huquq")] // the title is written with tashkeel, the query without
    [InlineData("اِحَالَة", "huquq")] // alef with hamza below in the summary, plain alef and vowels in the query
    [InlineData("أحالة", "huquq")] // another alef form
    [InlineData("strasse", "strasse")]
    [InlineData("STRASSE", "strasse")]
    [InlineData("polizei", "strasse")] // the audience is searched too
    public async Task The_search_finds_a_course_whatever_the_case_accents_and_arabic_marks(string query, string slug)
    {
        var html = await app.CreateClient().GetStringAsync("/courses?q=" + Uri.EscapeDataString(query));

        var found = Slugs.Where(s => html.Contains($"href=\"/courses/{s}\"", StringComparison.Ordinal));
        Assert.Equal([slug], found);
    }

    [Fact]
    public async Task A_word_in_no_course_finds_nothing()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/courses?q=egalite+zzzqqq"));

        Assert.Contains("0 courses found.", html);
    }

    [Fact]
    public void The_import_stores_the_folded_search_text()
    {
        var text = app.WithDb(db => db.Courses.Where(c => c.Slug == "huquq").Select(c => c.SearchText).Single());

        Assert.Equal("حقوق المهاجرين احالة الضحايا الى الخدمات المتخصصة. الشرطة huquq-topic", text);
    }

    private void WriteCourse(string slug, string title, string summary, string language, string audience)
    {
        var folder = Path.Combine(contentFolder, slug);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "course.yml"), $"""
            title: "{title}"
            summary: "{summary.Replace("\"", "\\\"", StringComparison.Ordinal)}"
            audience: ["{audience}"]
            topics: [{slug}-topic]
            language: {language}
            estimatedHours: 1
            passMark: 70
            certificateValidityMonths: 12
            """);
        File.WriteAllText(Path.Combine(folder, "01-one.md"), "---\ntitle: \"One\"\nestimatedMinutes: 5\nobjectives: [Learn.]\nsources: []\n---\n\n## Part one\n\nText.\n");
    }

    public void Dispose()
    {
        app.Dispose();
        try
        {
            Directory.Delete(contentFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
