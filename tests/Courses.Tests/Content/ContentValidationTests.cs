using Training.Courses.Content;

namespace Training.Courses.Tests.Content;

public sealed class ContentValidationTests
{
    private static List<string> ProblemsOf(CourseFolder folder) =>
        folder.Read().Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void A_valid_course_has_no_problems()
    {
        using var folder = CourseFolder.Valid();
        var course = folder.Read();

        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        Assert.Equal(["first", "second"], course.Modules.Select(m => m.Source.Slug));
        Assert.Equal("Test course: basics", course.Course!.Title);
    }

    [Fact]
    public void Malformed_yaml_in_course_yml_names_the_file_and_line()
    {
        using var folder = CourseFolder.Valid().With("course.yml", "title: ok\nsummary: fine\naudience: [police\nlanguage: en\n");

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Matches(@"^test-course[/\\]course\.yml:[345]: YAML: ", problem);
    }

    [Fact]
    public void An_unknown_key_in_course_yml_is_reported_with_its_line()
    {
        using var folder = CourseFolder.Valid().With("course.yml", CourseFolder.ValidCourseYml + "\npasMark: 80\n");

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.StartsWith(Path.Combine("test-course", "course.yml") + ":10: YAML: ", problem);
        Assert.Contains("pasMark", problem);
    }

    [Fact]
    public void Malformed_front_matter_is_reported_at_its_line_in_the_module_file()
    {
        using var folder = CourseFolder.Valid().With("01-first.md", "---\ntitle: First\nestimatedMinutes: ten\nobjectives: [a]\n---\n\nText.\n");

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.StartsWith(Path.Combine("test-course", "01-first.md") + ":3: YAML: ", problem);
    }

    [Fact]
    public void Missing_front_matter_and_required_fields_are_reported()
    {
        using var folder = CourseFolder.Valid()
            .With("01-first.md", "Just text.\n")
            .With("course.yml", "title: T\n");

        var problems = ProblemsOf(folder);

        Assert.Contains(problems, p => p.Contains("01-first.md:1: The module has no front matter", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("course.yml:1: course.yml needs a summary.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs passMark", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_module_slug_is_reported()
    {
        using var folder = CourseFolder.Valid().With("03-first.md", CourseFolder.Module("Again", "Text."));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal(Path.Combine("test-course", "03-first.md") + ":1: Duplicate module slug 'first': 01-first.md has it too. Rename one of the files.", problem);
    }

    [Fact]
    public void Course_folders_whose_names_differ_only_in_case_are_duplicate_slugs()
    {
        using var folder = CourseFolder.Valid();
        var twin = Path.Combine(folder.Root, "Test-Course");
        Directory.CreateDirectory(twin);
        foreach (var file in Directory.GetFiles(folder.CoursePath))
        {
            File.Copy(file, Path.Combine(twin, Path.GetFileName(file)));
        }

        var courses = ContentLibrary.ReadAll(folder.Root, folder.Root);

        Assert.Contains(courses.SelectMany(c => c.Problems), p => p.Message.StartsWith("Duplicate course slug 'test-course'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_image_is_reported_with_its_line()
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", "Text.\n\n![A map](images/missing.png)"));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal(Path.Combine("test-course", "01-first.md") + ":11: Missing image 'images/missing.png': no such image file in the course folder.", problem);
    }

    [Fact]
    public void An_image_without_alt_text_is_reported()
    {
        using var folder = CourseFolder.Valid()
            .With("images/map.png", "png")
            .With("01-first.md", CourseFolder.Module("First", "![](images/map.png)"));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Contains("01-first.md:9: The image 'images/map.png' has no alt text", problem);
    }

    [Fact]
    public void A_raw_html_image_without_alt_text_or_with_an_empty_one_is_reported_with_its_file_and_line()
    {
        using var folder = CourseFolder.Valid()
            .With("01-first.md", CourseFolder.Module("First",
                "Text with <img src=\"images/inline.png\" alt=\"  \"> inside.\n\n<div class=\"map\">\n<p>A map</p>\n<img\n  src=\"images/map.png\">\n</div>"));

        var problems = ProblemsOf(folder);

        Assert.Equal(
            [
                Path.Combine("test-course", "01-first.md") + ":13: The image 'images/map.png' has no alt text: write what it shows in its alt attribute, <img alt=\"like this\">, or add role=\"presentation\" if it is only decoration.",
                Path.Combine("test-course", "01-first.md") + ":9: The image 'images/inline.png' has no alt text: write what it shows in its alt attribute, <img alt=\"like this\">, or add role=\"presentation\" if it is only decoration.",
            ],
            problems);
    }

    [Fact]
    public void A_raw_html_image_with_alt_text_or_marked_as_decoration_is_accepted()
    {
        using var folder = CourseFolder.Valid()
            .With("01-first.md", CourseFolder.Module("First",
                "<p><img src=\"images/a.png\" alt=\"A map of the border crossing\"></p>\n\nA rule: <img src=\"images/rule.png\" alt=\"\" role=\"presentation\">"));

        Assert.Empty(ProblemsOf(folder));
    }

    [Fact]
    public void An_image_outside_the_course_folder_is_refused()
    {
        using var folder = CourseFolder.Valid()
            .With("01-first.md", CourseFolder.Module("First", "![Secret](../../etc/passwd)\n\n![Remote](https://example.org/a.png)"));

        var problems = ProblemsOf(folder);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Missing image '../../etc/passwd'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is not in the course folder", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[x](03-none.md)", "Broken link '03-none.md': the course has no module file '03-none.md'.")]
    [InlineData("[x](02-second.md#nowhere)", "Broken link '02-second.md#nowhere': 02-second.md has no heading with the anchor 'nowhere'.")]
    [InlineData("[x](#nowhere)", "Broken link '#nowhere': this module has no heading with that anchor.")]
    [InlineData("[x](files/none.pdf)", "Broken link 'files/none.pdf': no such file in the course folder.")]
    public void A_broken_internal_link_is_reported_with_its_line(string link, string message)
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", "## Here\n\nSee " + link + "."));

        var problem = Assert.Single(ProblemsOf(folder));

        Assert.Equal(Path.Combine("test-course", "01-first.md") + ":11: " + message, problem);
    }

    [Fact]
    public void An_undefined_glossary_term_and_an_unknown_note_type_are_reported()
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", "A [[smuggling]] case.\n\n:::danger\nHot.\n:::"));

        var problems = ProblemsOf(folder);

        Assert.Contains(Path.Combine("test-course", "01-first.md") + ":9: The glossary has no term 'smuggling'. Add it to glossary.yml or fix the spelling.", problems);
        Assert.Contains(Path.Combine("test-course", "01-first.md") + ":11: Unknown note type ':::danger'. Use note, tip, warning or content-note.", problems);
    }

    [Fact]
    public void A_level_one_heading_in_a_module_is_reported()
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", "# Title again"));

        Assert.Contains("Use '##' for sections", Assert.Single(ProblemsOf(folder)));
    }

    [Fact]
    public void One_broken_course_leaves_the_others_valid()
    {
        using var folder = CourseFolder.Valid();
        var other = Path.Combine(folder.Root, "broken");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "course.yml"), "title: [unclosed\n");

        var courses = ContentLibrary.ReadAll(folder.Root, folder.Root);

        Assert.False(courses.Single(c => c.Slug == "broken").IsValid);
        Assert.True(courses.Single(c => c.Slug == "test-course").IsValid);
    }

    [Fact]
    public void The_courses_in_the_repository_have_no_problems()
    {
        var root = FindRepositoryContent();

        var courses = ContentLibrary.ReadAll(root, root);

        Assert.True(courses.Count >= 1);
        Assert.All(courses, c => Assert.True(c.IsValid, string.Join("\n", c.Problems)));
    }

    private static string FindRepositoryContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Training.sln")))
            {
                return Path.Combine(dir.FullName, "course-content");
            }
        }
        throw new InvalidOperationException("Training.sln not found.");
    }
}
