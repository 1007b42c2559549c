using Training.Courses.Content;

namespace Training.Courses.Tests.Content;

public sealed class LocalAnnexTests
{
    private const string Body = "Call the hotline when she agrees.\n\n{{annex: hotlines}}\n\n## In short\n\n- Ask first.";

    private static CourseSource Read(string body, ILocalAnnex? annex)
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", body));
        return CourseSource.Read(folder.CoursePath, folder.Root, annex);
    }

    private static string Html(CourseSource course) => course.Modules.Single(m => m.Source.Slug == "first").Rendered.Html;

    private static LocalAnnexTexts Annex(string name, string text) => new(new Dictionary<string, string> { [name] = text });

    [Fact]
    public void A_set_annex_appears_in_the_module_where_the_line_names_it()
    {
        var course = Read(Body, Annex("hotlines", "# National hotline\n\nCall **0800 123 456**, day and night, or [write](mailto:help@example.org)."));

        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        var html = Html(course);
        Assert.Contains("<div class=\"admonition local-annex\" role=\"note\" aria-label=\"Where you work: hotlines\">", html);
        Assert.Contains("<h3>National hotline</h3>", html);
        Assert.Contains("Call <strong>0800 123 456</strong>, day and night", html);
        Assert.Contains("href=\"mailto:help@example.org\"", html);
        Assert.DoesNotContain("{{annex", html);
        Assert.DoesNotContain("has not added its local information", html);
        Assert.True(html.IndexOf("Call the hotline", StringComparison.Ordinal) < html.IndexOf("National hotline", StringComparison.Ordinal));
    }

    [Fact]
    public void An_annex_the_site_has_not_set_shows_a_placeholder_and_a_note_and_is_not_a_problem()
    {
        var course = Read(Body, annex: null);

        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        var html = Html(course);
        Assert.Contains("<div class=\"admonition local-annex local-annex-missing\" role=\"note\" aria-label=\"Where you work: hotlines\">", html);
        Assert.Contains("This site has not added its local information on hotlines yet.", html);
        Assert.Contains("<p class=\"local-annex-note\">Note for the site's administrators: write this text in a file named <code>hotlines.md</code>", html);
        Assert.Contains("<code>Content:LocalAnnexFolder</code>", html);
    }

    [Theory]
    [InlineData("fr", "Appelez la ligne si elle est d'accord.", "En bref", "Sur votre lieu de travail\u00A0: lignes d'assistance",
        "Ce site n'a pas encore ajouté ses informations locales sur ce point.", "Note pour les administrateurs du site\u00A0: écrivez ce texte dans un fichier nommé <code>hotlines.md</code>")]
    [InlineData("ar", "اتصلوا بالخط إذا وافقت.", "باختصار", "في مكان عملكم: خطوط المساعدة",
        "لم يُضِف هذا الموقع بعدُ معلوماته المحلية في هذا الشأن.", "ملاحظة لمسؤولي الموقع: اكتبوا هذا النص في ملف باسم <code>hotlines.md</code>")]
    public void A_translated_module_shows_the_annex_box_in_its_own_language(
        string language, string intro, string inShort, string heading, string placeholder, string note)
    {
        var translated = CourseFolder.Module("Premier", $"{intro}\n\n{{{{annex: hotlines}}}}\n\n## {inShort}\n\n- ok");
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", Body))
            .With($"translations/{language}/course.yml", "title: Traduit\nsummary: Un cours traduit.\n")
            .With($"translations/{language}/glossary.yml", "- original: debt bondage\n  term: servitude pour dettes\n  definition: Une dette qui force à travailler.\n  source: general knowledge\n")
            .With($"translations/{language}/01-first.md", translated);

        var unset = CourseSource.Read(folder.CoursePath, folder.Root, localAnnex: null);
        var set = CourseSource.Read(folder.CoursePath, folder.Root, Annex("hotlines", "Ligne nationale : 0800 123 456."));

        Assert.True(unset.IsValid, string.Join("\n", unset.Problems.Concat(unset.Translations.SelectMany(t => t.Problems))));
        var missing = TranslatedHtml(unset, language);
        Assert.Contains($"<div class=\"admonition local-annex local-annex-missing\" role=\"note\" aria-label=\"{heading}\">", missing);
        Assert.Contains($"<p class=\"admonition-title\">{heading}</p>", missing);
        Assert.Contains(placeholder, missing);
        Assert.Contains(note, missing);
        Assert.DoesNotContain("Where you work", missing);
        Assert.DoesNotContain("has not added", missing);
        var shown = TranslatedHtml(set, language);
        Assert.Contains($"aria-label=\"{heading}\"", shown);
        Assert.Contains("Ligne nationale : 0800 123 456.", shown); // the site's own text, as it wrote it
        // The original keeps its English box.
        Assert.Contains("aria-label=\"Where you work: hotlines\"", Html(unset));
    }

    [Fact]
    public void The_box_heading_follows_the_module_language_and_falls_back_to_english()
    {
        Assert.Equal("Where you work: hotlines", LocalAnnexBlockRenderer.Label("hotlines"));
        Assert.Equal("Sur votre lieu de travail\u00A0: foyers d'accueil", LocalAnnexBlockRenderer.Label("shelters", "fr"));
        Assert.Equal("En su lugar de trabajo: legislación nacional", LocalAnnexBlockRenderer.Label("national-law", "es"));
        Assert.Equal("في مكان عملكم: جهات الإحالة", LocalAnnexBlockRenderer.Label("referral-contacts", "ar"));
        Assert.Equal("Sur votre lieu de travail\u00A0: local buses", LocalAnnexBlockRenderer.Label("local-buses", "fr")); // a name the site invented stays as written
        Assert.Equal("Where you work: child protection", LocalAnnexBlockRenderer.Label("child-protection", "de")); // no words for this language
    }

    /// <summary>A translated module's HTML with character references decoded (the sanitiser writes U+00A0 as &amp;nbsp;).</summary>
    private static string TranslatedHtml(CourseSource course, string language) =>
        System.Net.WebUtility.HtmlDecode(course.Translations.Single(t => t.Language == language).Modules.Single(m => m.Source.Slug == "first").Rendered.Html);

    [Theory]
    [InlineData("../secrets")]
    [InlineData("Hot Lines")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void A_bad_annex_name_is_a_problem_naming_the_file_and_line_and_is_never_looked_up(string name)
    {
        var lookups = new RecordingAnnex();

        var course = Read($"Intro.\n\n{{{{annex: {name}}}}}\n\n## In short\n\n- done", lookups);

        var problem = Assert.Single(course.Problems);
        Assert.EndsWith(Path.Combine("test-course", "01-first.md"), problem.File);
        Assert.Equal(11, problem.Line); // 8 lines of front matter, a blank line, "Intro.", a blank line
        Assert.Contains($"The local annex name '{name}' is not valid", problem.Message);
        Assert.Empty(lookups.Names);
    }

    [Fact]
    public void Script_and_event_handlers_in_an_annex_are_removed_like_in_the_rest_of_the_module()
    {
        var course = Read(Body, Annex("hotlines",
            "Hotline <script>alert('x')</script>\n\n<a href=\"javascript:alert(1)\" onclick=\"steal()\">call</a> <img src=\"x.png\" alt=\"logo\" onerror=\"steal()\">\n\n[Dial](tel:+441234567890)"));

        var html = Html(course);
        Assert.Contains("Hotline", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"tel:+441234567890\"", html);
    }

    [Fact]
    public void Changing_an_annex_changes_the_course_hash_so_the_next_import_renders_it_again()
    {
        var before = Read(Body, Annex("hotlines", "Call 111."));
        var after = Read(Body, Annex("hotlines", "Call 222."));
        var unset = Read(Body, annex: null);

        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.NotEqual(before.ContentHash, unset.ContentHash);
        Assert.Equal(before.ContentHash, Read(Body, Annex("hotlines", "Call 111.")).ContentHash);
    }

    [Fact]
    public void A_course_without_annex_lines_hashes_the_same_whatever_the_site_sets()
    {
        const string plain = "No annex here.\n\n## In short\n\n- done";

        Assert.Equal(Read(plain, null).ContentHash, Read(plain, Annex("hotlines", "Call 111.")).ContentHash);
    }

    [Fact]
    public void Other_lines_with_braces_stay_text()
    {
        var html = Html(Read("Write {{annex: hotlines}} on its own line to include it.\n\n{{other: x}}\n\n## In short\n\n- done", null));

        Assert.Contains("Write {{annex: hotlines}} on its own line to include it.", html);
        Assert.Contains("<p>{{other: x}}</p>", html);
        Assert.DoesNotContain("local-annex", html);
    }

    [Fact]
    public void The_annex_folder_reads_name_dot_md_and_nothing_outside_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "training-annex-tests-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "annex");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "shelters.md"), "Shelter: call 999.");
            File.WriteAllText(Path.Combine(root, "secret.md"), "not for modules");
            var annex = new LocalAnnexFolder(folder);

            Assert.Equal("Shelter: call 999.", annex.Find("shelters"));
            Assert.Null(annex.Find("hotlines"));
            Assert.Null(annex.Find("../secret"));
            Assert.Null(annex.Find("Shelters"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class RecordingAnnex : ILocalAnnex
    {
        public List<string> Names { get; } = [];

        public string? Find(string name)
        {
            Names.Add(name);
            return "looked up";
        }
    }
}
