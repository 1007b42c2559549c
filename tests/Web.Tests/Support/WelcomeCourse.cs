using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Enrolment;
using Training.Courses.Progress;

namespace Training.Web.Tests.Support;

/// <summary>The repository's short welcome course (two modules, no quiz, certificates valid 24 months).</summary>
public static class WelcomeCourse
{
    public const string Slug = "welcome";

    /// <summary>Enrols the person (if not yet) and completes both modules: the course and a certificate follow.</summary>
    public static async Task CompleteWelcomeAsync(this TrainingAppFactory app, string userId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(userId, Slug, default);
        var progress = scope.ServiceProvider.GetRequiredService<ProgressService>();
        await progress.MarkCompleteAsync(userId, Slug, "how-these-courses-work", default);
        await progress.MarkCompleteAsync(userId, Slug, "words-that-respect-people", default);
    }
}
