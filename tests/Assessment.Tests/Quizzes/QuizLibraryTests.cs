using Training.Courses.Content;

namespace Training.Assessment.Tests.Quizzes;

public sealed class QuizLibraryTests
{
    private const string Question = "\n## q {single}\nPrompt\n\n- [x] A\n- [ ] B\n";

    [Fact]
    public void Module_quizzes_and_the_final_quiz_are_read_with_their_module_slugs()
    {
        using var folder = new QuizFolder()
            .With("01-first.md", "Module.")
            .With("01-first.quiz.md", QuizFolder.Quiz(Question))
            .With("02-second-module.md", "Module.")
            .With("02-second-module.quiz.md", QuizFolder.Quiz(Question))
            .With("final.quiz.md", QuizFolder.Quiz(Question));
        var problems = new List<ContentProblem>();

        var quizzes = folder.ReadCourse(problems);

        Assert.Empty(problems);
        Assert.Equal(["first", "second-module", null], quizzes.Select(q => q.ModuleSlug));
    }

    [Fact]
    public void A_course_without_quiz_files_has_no_quizzes()
    {
        using var folder = new QuizFolder().With("01-first.md", "Module.");
        var problems = new List<ContentProblem>();

        Assert.Empty(folder.ReadCourse(problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_quiz_whose_module_does_not_exist_is_reported_and_left_out()
    {
        using var folder = new QuizFolder()
            .With("01-first.md", "Module.")
            .With("02-first.quiz.md", QuizFolder.Quiz(Question + "\n## q {single}\nAgain\n\n- [x] A\n- [ ] B\n"));
        var problems = new List<ContentProblem>();

        var quizzes = folder.ReadCourse(problems);

        Assert.Empty(quizzes);
        var file = QuizFolder.DisplayPath("02-first.quiz.md");
        Assert.Equal(
            [
                $"{file}:1: This quiz has no module: 02-first.md does not exist beside it. Name the quiz after its module's file.",
                $"{file}:11: The id 'q' is used twice in this quiz (first on line 5): give every question and scenario its own id.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_quiz_file_with_another_name_is_reported()
    {
        using var folder = new QuizFolder().With("Warning-Signs.quiz.md", QuizFolder.Quiz(Question));
        var problems = new List<ContentProblem>();

        Assert.Empty(folder.ReadCourse(problems));
        Assert.Equal(
            [$"{QuizFolder.DisplayPath("Warning-Signs.quiz.md")}:1: Quiz files are named after their module (01-warning-signs.quiz.md beside 01-warning-signs.md) or final.quiz.md for the final assessment."],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_quiz_with_problems_is_still_returned_so_the_caller_decides_by_its_problems()
    {
        using var folder = new QuizFolder()
            .With("01-first.md", "Module.")
            .With("01-first.quiz.md", QuizFolder.Quiz(Question.Replace("[x]", "[ ]", StringComparison.Ordinal)))
            .With("final.quiz.md", QuizFolder.Quiz(Question));
        var problems = new List<ContentProblem>();

        var quizzes = folder.ReadCourse(problems);

        Assert.Equal(["first", null], quizzes.Select(q => q.ModuleSlug));
        Assert.Equal(QuizFolder.DisplayPath("01-first.quiz.md"), Assert.Single(problems).File);
    }
}
