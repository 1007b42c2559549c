using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Assignments;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.Accessibility;

/// <summary>
/// The site with one person per role and enough data that every kind of page has something to show:
/// a learner enrolled in a course with quizzes, a unit with people, an assignment and a certificate.
/// </summary>
public sealed class AccessibilitySiteUnderTest : SiteUnderTest
{
    /// <summary>A course with module quizzes, including matching and ordering questions.</summary>
    public const string QuizCourse = "safe-interviewing";

    public Dictionary<string, string> Emails { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var learner = await App.CreateUserAsync("Lina Learner", Roles.Learner);
        var certified = await App.CreateUserAsync("Carl Certified", Roles.Learner);
        var trainer = await App.CreateUserAsync("Tess Trainer", Roles.Trainer);
        var admin = await App.CreateUserAsync("Ada Admin", Roles.Admin);
        var (unit, coordinator) = await App.CoordinatorOfAsync(learner.Id, certified.Id);
        await App.CompleteWelcomeAsync(certified.Id);
        using (var scope = App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, WelcomeCourse.Slug, default);
            await services.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizCourse, default);
            await services.GetRequiredService<ProgressService>().MarkCompleteAsync(learner.Id, WelcomeCourse.Slug, "how-these-courses-work", default);
            var courseId = App.WithDb(db => db.Courses.Single(c => c.Slug == WelcomeCourse.Slug).Id);
            var (outcome, _) = await services.GetRequiredService<AssignmentService>()
                .AssignAsync(Actor.CommandLine(), courseId, unit.Id, [], null, 30, default);
            Assert.Equal(AssignOutcome.Done, outcome);
        }
        Emails["learner"] = learner.Email!;
        Emails["trainer"] = trainer.Email!;
        Emails["coordinator"] = coordinator.Email!;
        Emails["admin"] = admin.Email!;
    }
}
