namespace Training.Courses.Tests.Content;

public sealed class ModuleRenderingTests
{
    private static string Render(string body, Action<CourseFolder>? extra = null)
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", body));
        extra?.Invoke(folder);
        var course = folder.Read();
        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        return course.Modules.Single(m => m.Source.Slug == "first").Rendered.Html;
    }

    [Fact]
    public void Headings_get_github_style_anchors_and_a_table_of_contents_of_levels_two_and_three()
    {
        using var folder = CourseFolder.Valid().With("01-first.md", CourseFolder.Module("First", "## Who is at risk?\n\n### At the border\n\n#### Detail\n\n## In short"));
        var module = folder.Read().Modules.Single(m => m.Source.Slug == "first");

        Assert.Contains("<h2 id=\"who-is-at-risk\">Who is at risk?</h2>", module.Rendered.Html);
        Assert.Equal(
            [new(2, "who-is-at-risk", "Who is at risk?"), new(3, "at-the-border", "At the border"), new(2, "in-short", "In short")],
            module.Rendered.TableOfContents);
    }

    [Fact]
    public void Tables_and_footnotes_render()
    {
        var html = Render("| Sign | Meaning |\n|---|---|\n| Passport held | Control |\n\nA figure[^1].\n\n[^1]: IOM 2009, 001_a.txt.");

        Assert.Contains("<table>", html);
        Assert.Contains("<td>Passport held</td>", html);
        Assert.Contains("href=\"#fn:1\"", html);
        Assert.Contains("IOM 2009, 001_a.txt.", html);
    }

    [Theory]
    [InlineData("note", "Note")]
    [InlineData("tip", "Tip")]
    [InlineData("warning", "Warning")]
    [InlineData("content-note", "Content note")]
    public void Admonitions_render_as_labelled_notes(string kind, string label)
    {
        var html = Render($":::{kind}\nMind this.\n:::");

        Assert.Contains($"<div class=\"admonition admonition-{kind}\" role=\"note\" aria-label=\"{label}\">", html);
        Assert.Contains($"<p class=\"admonition-title\">{label}</p>", html);
        Assert.Contains("<p>Mind this.</p>", html);
    }

    [Fact]
    public void An_image_alone_in_its_paragraph_becomes_a_figure_served_from_the_course()
    {
        var html = Render("![Map of the route](images/route.svg \"The route she took\")",
            folder => folder.With("images/route.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));

        Assert.Contains("<figure>", html);
        Assert.Contains("src=\"/courses/test-course/media/images/route.svg\"", html);
        Assert.Contains("alt=\"Map of the route\"", html);
        Assert.Contains("<figcaption>The route she took</figcaption>", html);
    }

    [Fact]
    public void Glossary_terms_link_to_their_definition_whatever_their_case()
    {
        var html = Render("She owed a [[Debt Bondage|growing debt]] and [[debt bondage]].");

        Assert.Contains("<a href=\"/courses/test-course/glossary#term-debt-bondage\" class=\"glossary-term\">growing debt</a>", html);
        Assert.Contains("class=\"glossary-term\">debt bondage</a>", html);
    }

    [Fact]
    public void Links_to_other_modules_become_site_addresses()
    {
        using var folder = CourseFolder.Valid().With("02-second.md", CourseFolder.Module("Second", "See [the first](01-first.md#section-one)."));
        var html = folder.Read().Modules.Single(m => m.Source.Slug == "second").Rendered.Html;

        Assert.Contains("href=\"/courses/test-course/modules/first#section-one\"", html);
    }

    [Fact]
    public void Raw_html_is_sanitised_scripts_handlers_and_javascript_links_removed()
    {
        var html = Render("""
            <script>alert('x')</script>
            <p onclick="steal()">Click</p>
            <img src="x" onerror="steal()" alt="x">

            [bad](javascript:alert(1)) and <a href="javascript:alert(2)">worse</a>

            <iframe src="https://evil.example"></iframe>
            <b>kept</b>
            """);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>kept</b>", html);
    }

    [Fact]
    public void A_heading_named_like_an_id_of_the_page_gets_another_id_and_links_to_it_follow()
    {
        using var folder = CourseFolder.Valid()
            .With("01-first.md", CourseFolder.Module("First",
                "[Skip ahead](#main)\n\n## Section main\n\nFirst.\n\n## Main\n\n<div id=\"main\">Raw.</div>\n\n## Objectives\n\nText."))
            .With("02-second.md", CourseFolder.Module("Second", "See [the main part](01-first.md#main)."));
        var course = folder.Read();
        Assert.True(course.IsValid, string.Join("\n", course.Problems));
        var first = course.Modules.Single(m => m.Source.Slug == "first").Rendered;
        var second = course.Modules.Single(m => m.Source.Slug == "second").Rendered.Html;

        Assert.Contains("<h2 id=\"section-main\">Section main</h2>", first.Html);
        Assert.Contains("<h2 id=\"section-main-2\">Main</h2>", first.Html);
        Assert.Contains("<h2 id=\"section-objectives\">Objectives</h2>", first.Html);
        Assert.Contains("<a href=\"#section-main-2\">Skip ahead</a>", first.Html);
        Assert.Contains("<div>Raw.</div>", first.Html);
        Assert.DoesNotContain("id=\"main\"", first.Html);
        Assert.Contains(first.TableOfContents, t => t.Anchor == "section-main-2" && t.Text == "Main");
        Assert.Contains("<a href=\"/courses/test-course/modules/first#section-main-2\">the main part</a>", second);
    }
}
