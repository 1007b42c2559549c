using Training.Courses.Content;

namespace Training.Courses.Tests.Content;

/// <summary>A translation (translations/&lt;language&gt;/) is read like the original and must keep its structure.</summary>
public sealed class TranslationValidationTests
{
    private const string FrenchCourse = "title: \"Cours de test : les bases\"\nsummary: Un cours pour les tests.\n";

    private const string FrenchGlossary = """
        - original: debt bondage
          term: servitude pour dettes
          definition: Une dette qui sert à forcer quelqu'un à continuer de travailler.
          source: general knowledge
        """;

    private static string FrenchFirst(string body = "Introduction.\n\n## Première section\n\nUn texte avec [[servitude pour dettes]].\n\n## En bref\n\n- fait") =>
        CourseFolder.Module("Premier", body);

    /// <summary>The valid course with a valid French translation of its course.yml, glossary and first module.</summary>
    private static CourseFolder WithFrench() => CourseFolder.Valid()
        .With("translations/fr/course.yml", FrenchCourse)
        .With("translations/fr/glossary.yml", FrenchGlossary)
        .With("translations/fr/01-first.md", FrenchFirst());

    private static string Display(string relative) => Path.Combine(["test-course", .. relative.Split('/')]);

    private static List<string> ProblemsOf(CourseFolder folder) => folder.Read().Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void A_translation_that_keeps_the_structure_is_read_with_its_glossary_and_modules()
    {
        using var folder = WithFrench();

        var course = folder.Read();

        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        var french = Assert.Single(course.Translations);
        Assert.Equal("fr", french.Language);
        Assert.Equal("Cours de test : les bases", french.Course!.Title);
        var term = Assert.Single(french.Glossary);
        Assert.Equal(("debt bondage", "servitude pour dettes", "term-servitude-pour-dettes"), (term.Original, term.Term, term.Anchor));
        var module = Assert.Single(french.Modules);
        Assert.Equal("first", module.Source.Slug);
        Assert.Contains("href=\"/courses/test-course/glossary#term-servitude-pour-dettes\"", module.Rendered.Html);
        Assert.Contains(module.Rendered.TableOfContents, t => t.Anchor == "première-section");
    }

    [Fact]
    public void An_unknown_language_folder_is_reported_and_keeps_only_itself_out()
    {
        using var folder = WithFrench().With("translations/french/course.yml", FrenchCourse);

        var course = folder.Read();

        Assert.Equal([$"{Display("translations/french")}:1: Unknown language folder 'french': name each translation folder with the two-letter ISO 639-1 code of its language, in lower case, such as fr, es or ar."],
            course.Problems.Select(p => p.ToString()));
        Assert.True(course.OriginalIsValid);
    }

    [Fact]
    public void A_glossary_entry_naming_no_original_term_and_a_term_left_untranslated_are_reported_with_file_and_line()
    {
        using var folder = WithFrench().With("translations/fr/glossary.yml", """
            - original: debt bondage slavery
              term: servitude pour dettes
              definition: Une dette.
              source: general knowledge
            """);

        var problems = ProblemsOf(folder);

        Assert.Contains($"{Display("translations/fr/glossary.yml")}:1: 'original: debt bondage slavery' does not match a term of the original glossary.yml: copy the original's term exactly.", problems);
        Assert.Contains($"{Display("translations/fr/glossary.yml")}:1: The original term 'debt bondage' has no translated entry: add one with 'original: debt bondage'.", problems);
    }

    [Fact]
    public void A_glossary_entry_with_another_source_or_translated_twice_is_reported_at_its_line()
    {
        using var folder = WithFrench().With("translations/fr/glossary.yml", FrenchGlossary + """

            - original: debt bondage
              term: esclavage pour dettes
              definition: Encore.
              source: general knowledge
            """);

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal($"{Display("translations/fr/glossary.yml")}:5: The original term 'debt bondage' is translated twice: keep one entry for it.", problem);
    }

    [Fact]
    public void A_glossary_link_to_a_term_missing_from_the_translated_glossary_is_reported_in_the_translated_module()
    {
        using var folder = WithFrench().With("translations/fr/01-first.md", FrenchFirst("Introduction.\n\n## Première section\n\nUn texte avec [[debt bondage]].\n\n## En bref\n\n- fait"));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal($"{Display("translations/fr/01-first.md")}:13: The glossary has no term 'debt bondage'. Add it to glossary.yml or fix the spelling.", problem);
    }

    [Fact]
    public void A_different_number_of_objectives_is_reported_at_the_front_matter()
    {
        using var folder = WithFrench().With("translations/fr/01-first.md",
            "---\ntitle: Premier\nestimatedMinutes: 10\nobjectives:\n  - Faire une chose.\n  - Et une autre.\nsources: []\n---\n\nIntroduction.\n\n## Première section\n\nTexte.\n\n## En bref\n\n- fait\n");

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal($"{Display("translations/fr/01-first.md")}:1: The translation has 2 objectives and the original 01-first.md has 1: translate each objective, no more and no fewer.", problem);
    }

    [Fact]
    public void A_heading_at_another_level_is_reported_at_its_line()
    {
        using var folder = WithFrench().With("translations/fr/01-first.md", FrenchFirst("Introduction.\n\n### Première section\n\nTexte.\n\n## En bref\n\n- fait"));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal($"{Display("translations/fr/01-first.md")}:11: Heading 1: this heading is level 3 ('### ') where the original's is level 2 ('## '): keep the original's headings, levels and order.", problem);
    }

    [Fact]
    public void A_missing_heading_is_reported_with_both_counts()
    {
        using var folder = WithFrench().With("translations/fr/01-first.md", FrenchFirst("Introduction.\n\n## Première section\n\nTexte sans résumé."));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal($"{Display("translations/fr/01-first.md")}:11: The translation has 1 headings and the original has 2: keep the same headings in the same order.", problem);
    }

    [Fact]
    public void A_translated_module_without_an_original_file_is_reported()
    {
        using var folder = WithFrench().With("translations/fr/03-premier.md", FrenchFirst());

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal($"{Display("translations/fr/03-premier.md")}:1: This translation has no original: the course has no module file '03-premier.md'. A translation keeps its original's file name.", problem);
    }

    [Fact]
    public void A_translation_with_problems_leaves_the_original_importable()
    {
        using var folder = WithFrench().With("translations/fr/course.yml", "title: Seulement un titre\n");

        var course = folder.Read();

        Assert.False(course.IsValid);
        Assert.True(course.OriginalIsValid);
        Assert.False(Assert.Single(course.Translations).IsValid);
    }

    [Fact]
    public void A_translated_image_of_the_same_name_overrides_the_original_and_other_images_stay_shared()
    {
        const string body = "Texte.\n\n![Un schéma](images/a.svg)\n\n![Un autre](images/b.svg)\n\n## Première section\n\nTexte.\n\n## En bref\n\n- fait";
        using var folder = CourseFolder.Valid()
            .With("images/a.svg", "<svg/>").With("images/b.svg", "<svg/>")
            .With("01-first.md", CourseFolder.Module("First", body.Replace("Un schéma", "A diagram", StringComparison.Ordinal).Replace("Un autre", "Another", StringComparison.Ordinal)))
            .With("translations/fr/course.yml", FrenchCourse)
            .With("translations/fr/glossary.yml", FrenchGlossary)
            .With("translations/fr/images/a.svg", "<svg/>")
            .With("translations/fr/01-first.md", CourseFolder.Module("Premier", body));

        var course = folder.Read();

        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        var html = Assert.Single(course.Translations.Single().Modules).Rendered.Html;
        Assert.Contains("src=\"/courses/test-course/media/translations/fr/images/a.svg\"", html);
        Assert.Contains("src=\"/courses/test-course/media/images/b.svg\"", html);
    }
}
