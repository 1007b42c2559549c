using System.Text;
using DiffPlex.DiffBuilder.Model;
using Training.Courses.Authoring;
using Training.Courses.Content;

namespace Training.Courses.Tests.Authoring;

/// <summary>The file operations behind the browser editor: module moves as a trainer would rename files, settings written as course.yml, and diffs.</summary>
public sealed class AuthoringFilesTests
{
    private static CourseFiles Course(params (string Path, string Text)[] files) =>
        CourseFiles.FromStored("sample", files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))));

    [Fact]
    public void Moving_a_module_renames_its_quiz_and_translations_with_it_and_follows_links_to_it()
    {
        var files = Course(
            ("course.yml", "title: x\n"),
            ("01-intro.md", "See [the signs](02-signs.md#first) and [again](02-signs.md)."),
            ("02-signs.md", "Back to [the start](01-intro.md)."),
            ("02-signs.quiz.md", "quiz"),
            ("03-referral.md", "Text about 02-signs.md that is no link."),
            ("translations/fr/02-signs.md", "Retour au [début](01-intro.md)."),
            ("translations/fr/02-signs.quiz.md", "quiz fr"));

        var moved = files.With(ModuleFiles.Move(files, "signs", up: true));

        Assert.Equal(["01-signs.md", "02-intro.md", "03-referral.md"], ModuleFiles.Of(moved).Select(m => m.FileName));
        Assert.Equal("quiz", moved.ReadText("01-signs.quiz.md"));
        Assert.Equal("quiz fr", moved.ReadText("translations/fr/01-signs.quiz.md"));
        Assert.False(moved.Exists("02-signs.quiz.md"));
        Assert.False(moved.Exists("translations/fr/02-signs.md"));
        Assert.Equal("See [the signs](01-signs.md#first) and [again](01-signs.md).", moved.ReadText("02-intro.md"));
        Assert.Equal("Back to [the start](02-intro.md).", moved.ReadText("01-signs.md"));
        Assert.Equal("Retour au [début](02-intro.md).", moved.ReadText("translations/fr/01-signs.md"));
        Assert.Equal("Text about 02-signs.md that is no link.", moved.ReadText("03-referral.md"));
        Assert.Empty(ModuleFiles.Move(files, "intro", up: true)); // the first cannot go up
    }

    [Fact]
    public void Removing_a_module_removes_its_quiz_and_translations_and_adding_one_numbers_it_last()
    {
        var files = Course(("01-intro.md", "a"), ("01-intro.quiz.md", "q"), ("translations/ar/01-intro.md", "ar"), ("02-signs.md", "b"));
        var removed = files.With(ModuleFiles.Remove(files, "intro"));
        Assert.Equal(["02-signs.md"], removed.Paths);

        var (path, content) = ModuleFiles.Add(files, "next-steps", "Next: what \"you\" do")!.Value;
        Assert.Equal("03-next-steps.md", path);
        Assert.Contains("title: \"Next: what \\\"you\\\" do\"", Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        Assert.Null(ModuleFiles.Add(files, "signs", "Taken"));
        Assert.Null(ModuleFiles.Add(files, "Bad Slug", "Bad"));
    }

    [Fact]
    public void Settings_typed_with_colons_quotes_and_line_breaks_are_written_as_course_yml_that_reads_back_the_same()
    {
        var settings = new CourseSettings("Title: with \"quotes\" and # hash", "Line one\nline two: still the summary", ["border guards", "police: all ranks"],
            ["trafficking"], "fr", 2.5m, 80, 0);
        var yaml = settings.ToYaml("title: old\npublished: true\nmajorVersion: 3\nsources: [001_x.txt]\n");
        var problems = new List<ContentProblem>();
        var read = CourseSettings.Read(yaml, problems);
        Assert.Empty(problems);
        Assert.Equal(settings.Title, read!.Title);
        Assert.Equal("Line one\nline two: still the summary", read.Summary);
        Assert.Equal(settings.Audience, read.Audience);
        Assert.Equal(2.5m, read.EstimatedHours);
        Assert.Contains("majorVersion: 3", yaml, StringComparison.Ordinal);
        Assert.Contains("published: true", yaml, StringComparison.Ordinal);
        Assert.Contains("\"001_x.txt\"", yaml, StringComparison.Ordinal);

        Assert.Equal("a: 1\nmajorVersion: 4\n", CourseSettings.SetField("a: 1\nmajorVersion: 3\n", "majorVersion", "4"));
        Assert.Equal("a: 1\nmajorVersion: 2\n", CourseSettings.SetField("a: 1\n", "majorVersion", "2"));
    }

    [Fact]
    public void A_diff_lists_changed_added_and_removed_files_with_their_lines()
    {
        var older = Course(("01-intro.md", "one\ntwo\nthree\n"), ("old.md", "gone"), ("images/a.png", "\u0001"));
        var newer = Course(("01-intro.md", "one\n2\nthree\n"), ("new.md", "here"), ("images/a.png", "\u0002"));

        var diffs = CourseDiff.Compare(older, newer);

        Assert.Equal(["01-intro.md", "images/a.png", "new.md", "old.md"], diffs.Select(d => d.Path));
        var intro = diffs[0];
        Assert.Equal(FileChange.Changed, intro.Change);
        Assert.Equal("- two\n+ 2\n", CourseDiff.ToText(intro).ReplaceLineEndings("\n"));
        Assert.Contains(intro.SideBySide, r => r.Old.Kind == ChangeType.Modified && r.Old.Text == "two" && r.New.Text == "2");
        Assert.False(diffs[1].IsText);
        Assert.Equal(FileChange.Added, diffs[2].Change);
        Assert.Equal(FileChange.Removed, diffs[3].Change);
        Assert.Empty(CourseDiff.Compare(older, older));
    }
}
