namespace Training.Web.Tests.Features.Quizzes;

/// <summary>A small course with a module quiz of every question type and a final assessment, on disk.</summary>
public sealed class QuizContent : IDisposable
{
    public const string Course = "quiz-course";

    public QuizContent(string moduleQuizSettings = "passMark: 75\nattemptLimit: 3\ntimeLimitMinutes: 10\nshuffle: false",
        string finalSettings = "passMark: 50\nshuffle: false")
    {
        var course = Path.Combine(Folder, Course);
        Directory.CreateDirectory(course);
        File.WriteAllText(Path.Combine(course, "course.yml"), """
            title: Quiz course
            summary: A course to test quizzes.
            audience: [police]
            topics: [testing]
            language: en
            estimatedHours: 1
            passMark: 75
            certificateValidityMonths: 12
            """);
        File.WriteAllText(Path.Combine(course, "01-basics.md"), "---\ntitle: Basics\nestimatedMinutes: 5\nobjectives: [Know the basics.]\n---\n\n## Basics\n\nText.\n");
        File.WriteAllText(Path.Combine(course, "02-more.md"), "---\ntitle: More\nestimatedMinutes: 5\nobjectives: [Know more.]\n---\n\n## More\n\nText.\n");
        File.WriteAllText(Path.Combine(course, "01-basics.quiz.md"), $"""
            ---
            {moduleQuizSettings}
            ---

            ## held-passport {"{true-false}"}
            An employer may keep a worker's passport if she agreed.

            - [ ] True
              > FEEDBACK-TRUE-WRONG
            - [x] False
              > FEEDBACK-FALSE-RIGHT

            ## indicators {"{multiple}"}
            Which of these are indicators of forced labour?

            - [x] Debt bondage
              > FEEDBACK-DEBT
            - [ ] Travelling alone
              > FEEDBACK-ALONE
            - [x] Isolation
              > FEEDBACK-ISOLATION

            ## instruments {"{matching}"}
            Match each instrument to what it covers.

            - ILO C181 => recruitment agencies
            - CEDAW => discrimination against women

            > FEEDBACK-MATCH

            ## steps {"{ordering}"}
            Put the steps in order.

            1. Safety first
            2. Explain options
            3. Refer

            > FEEDBACK-ORDER

            ## sector {"{short-text}"}
            Which skilled sector employs the most women migrant workers? (one word)

            - accepted: nursing

            > FEEDBACK-SECTOR
            """);
        File.WriteAllText(Path.Combine(course, "final.quiz.md"), $"""
            ---
            {finalSettings}
            ---

            ## final-one {"{single}"}
            Pick the right one.

            - [x] Right
              > FEEDBACK-FINAL-RIGHT
            - [ ] Wrong
              > FEEDBACK-FINAL-WRONG
            """);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "training-quiz-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
