using Microsoft.Extensions.Localization;
using Training.Assessment.Attempts;

namespace Training.Web.Features.Quizzes;

public static class QuizTitles
{
    /// <summary>A quiz's title for a page: the module's title, or "Final assessment" in the reader's language.</summary>
    public static string QuizTitle(this IStringLocalizer localizer, string title) =>
        title == QuizRef.FinalAssessmentTitle ? localizer["Final assessment"] : title;
}
