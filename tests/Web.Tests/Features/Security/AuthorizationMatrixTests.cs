using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Assessment.Attempts;
using Training.Courses.Enrolment;
using Training.Courses.Organisations;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Security;

/// <summary>
/// Every route of the site, enumerated from the endpoint data source, called by six people: nobody signed in,
/// the learner who owns the things in the route (attempt, certificate, account), another learner, a trainer
/// of other courses, a coordinator of another unit and an admin. Each answer is checked against the outcome
/// declared for that route and that person in <see cref="Expected"/>; a route without a declaration fails.
/// Nobody but the owner, an admin and (for the verification page, by design) anyone with the code ever gets a
/// page that names the owner.
/// </summary>
public sealed partial class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.Site>
{
    private readonly Site site;

    public AuthorizationMatrixTests(Site site) => this.site = site;

    /// <summary>The people, in the order of the columns of <see cref="Expected"/> (and the order they are run).</summary>
    public enum Who { Anonymous, Owner, OtherLearner, Trainer, Coordinator, Admin }

    // Outcomes: a status code; "in" = sent to the log-in page; "403" also covers a redirect to /error/403;
    // "302" = any other redirect.
    private static readonly Dictionary<string, string> Expected = new()
    {
        //                                                   anon owner other trainer coord admin
        ["GET /"] = "200 302 302 302 302 302",
        ["GET /Identity/Account/ConfirmEmail"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/ConfirmEmailChange"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/ForgotPassword"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/ForgotPasswordConfirmation"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/Lockout"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/Login"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/LoginWith2fa"] = "in in in in in in",
        ["GET /Identity/Account/LoginWithRecoveryCode"] = "in in in in in in",
        ["GET /Identity/Account/Logout"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/Manage"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/ChangePassword"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/DeletePersonalData"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/Disable2fa"] = "in 302 302 302 302 302",
        ["GET /Identity/Account/Manage/DownloadPersonalData"] = "in 404 404 404 404 404",
        ["GET /Identity/Account/Manage/Email"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/EnableAuthenticator"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/GenerateRecoveryCodes"] = "in 302 302 302 302 302",
        ["GET /Identity/Account/Manage/Index"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/PersonalData"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/ResetAuthenticator"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Manage/ShowRecoveryCodes"] = "in 302 302 302 302 302",
        ["GET /Identity/Account/Manage/TwoFactorAuthentication"] = "in 200 200 200 200 200",
        ["GET /Identity/Account/Register"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/RegisterConfirmation"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/ResendEmailConfirmation"] = "200 200 200 200 200 200",
        ["GET /Identity/Account/ResetPassword"] = "400 400 400 400 400 400",
        ["GET /Identity/Account/ResetPasswordConfirmation"] = "200 200 200 200 200 200",
        ["GET /account/settings"] = "in 200 200 200 200 200",
        ["GET /admin/audit"] = "in 403 403 403 403 200",
        ["GET /admin/audit/export.csv"] = "in 403 403 403 403 200",
        ["GET /admin/audit/export.xlsx"] = "in 403 403 403 403 200",
        ["GET /admin/mail"] = "in 403 403 403 403 200",
        ["GET /admin/units"] = "in 403 403 403 403 200",
        ["GET /admin/units/{id:int}"] = "in 403 403 403 403 200",
        ["GET /admin/users"] = "in 403 403 403 403 200",
        ["GET /admin/users/{id}"] = "in 403 403 403 403 200",
        ["GET /privacy"] = "200 200 200 200 200 200",
        // Single sign-on is off here (the default): its routes do not answer (SingleSignOnTests cover it on).
        ["POST /sso"] = "404 404 404 404 404 404",
        ["GET /sso/callback"] = "404 404 404 404 404 404",
        ["POST /admin/users/{id}/personal-data"] = "in 403 403 403 403 200",
        ["GET /admin/users/{id}/delete"] = "in 403 403 403 403 200",
        ["POST /admin/users/{id}/delete"] = "in 403 403 403 403 200",
        ["GET /attempts/{id:int}"] = "in 200 404 403 403 403",
        ["GET /attempts/{id:int}/finish"] = "in 200 404 403 403 403",
        ["GET /attempts/{id:int}/result"] = "in 302 302 403 403 403",
        ["GET /certificates"] = "in 403 403 403 200 200",
        ["GET /certificates/export.csv"] = "in 403 403 403 200 200",
        ["GET /certificates/export.xlsx"] = "in 403 403 403 200 200",
        ["GET /certificates/public-key.pem"] = "200 200 200 200 200 200",
        ["GET /certificates/{code}.pdf"] = "in 200 404 403 403 403",
        ["GET /coordinate"] = "in 403 403 403 200 200",
        ["GET /coordinate/assignments"] = "in 403 403 403 200 200",
        ["GET /coordinate/assignments/new"] = "in 403 403 403 200 200",
        ["GET /coordinate/assignments/{id:int}"] = "in 403 403 403 404 200",
        ["GET /coordinate/assignments/{id:int}/export.csv"] = "in 403 403 403 404 200",
        ["GET /coordinate/assignments/{id:int}/export.xlsx"] = "in 403 403 403 404 200",
        ["GET /coordinate/people"] = "in 403 403 403 200 200",
        ["GET /coordinate/people/export.csv"] = "in 403 403 403 200 200",
        ["GET /coordinate/people/export.xlsx"] = "in 403 403 403 200 200",
        ["GET /coordinate/people/{id}"] = "in 403 403 403 404 200",
        ["GET /coordinate/people/{id}/transcript.csv"] = "in 403 403 403 404 200",
        ["GET /coordinate/people/{id}/transcript.xlsx"] = "in 403 403 403 404 200",
        ["GET /courses"] = "200 200 200 200 200 200",
        ["GET /courses/{course}/media/{**path}"] = "in 200 200 200 200 200",
        ["GET /courses/{course}/modules/{module}"] = "in 200 200 200 200 200",
        ["GET /courses/{course}/modules/{module}/print"] = "in 200 200 200 200 200",
        ["GET /courses/{course}/quizzes/{key}"] = "in 200 200 403 403 403",
        ["GET /courses/{slug}"] = "200 200 200 200 200 200",
        ["GET /courses/{slug}/glossary"] = "200 200 200 200 200 200",
        ["GET /error/{code:int}"] = "404 404 404 404 404 404",
        ["GET /invitations/accepted"] = "200 200 200 200 200 200",
        ["GET /invitations/{token}"] = "200 200 200 200 200 200",
        ["GET /learn"] = "in 200 200 403 403 403",
        ["GET /people/import"] = "in 403 403 403 200 200",
        ["GET /people/import/template.csv"] = "in 403 403 403 200 200",
        ["GET /people/invitations"] = "in 403 403 403 200 200",
        ["GET /reminders/preferences"] = "404 404 404 404 404 404",
        ["GET /teach"] = "in 403 403 200 403 403",
        ["GET /teach/courses"] = "in 403 403 200 403 200",
        ["GET /teach/courses/new"] = "in 403 403 200 403 200",
        ["GET /teach/courses/{slug}/compare"] = "in 403 403 404 403 200",
        ["GET /teach/courses/{slug}/draft-media/{**path}"] = "in 403 403 404 403 200",
        ["GET /teach/courses/{slug}/edit"] = "in 403 403 404 403 200",
        ["GET /teach/courses/{slug}/edit/file"] = "in 403 403 404 403 404",
        ["GET /teach/courses/{slug}/edit/settings"] = "in 403 403 404 403 200",
        ["GET /teach/courses/{slug}/export.zip"] = "in 403 403 200 403 200",
        ["GET /teach/courses/{slug}/history"] = "in 403 403 404 403 200",
        ["GET /teach/courses/{slug}/quiz-preview"] = "in 403 403 404 403 404",
        ["GET /teach/quizzes/{course}/{key}"] = "in 403 403 200 403 403",
        ["GET /verify"] = "200 200 200 200 200 200",
        ["GET /verify/{code}"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/ConfirmEmail"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/ConfirmEmailChange"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/ForgotPassword"] = "302 302 302 302 302 302",
        ["POST /Identity/Account/ForgotPasswordConfirmation"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/Lockout"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/Login"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/LoginWith2fa"] = "in in in in in in",
        ["POST /Identity/Account/LoginWithRecoveryCode"] = "in in in in in in",
        ["POST /Identity/Account/Logout"] = "302 302 302 302 302 302",
        ["POST /Identity/Account/Manage"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/ChangePassword"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/DeletePersonalData"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/Disable2fa"] = "in 302 302 302 302 302",
        ["POST /Identity/Account/Manage/DownloadPersonalData"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/Email"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/EnableAuthenticator"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/GenerateRecoveryCodes"] = "in 302 302 302 302 302",
        ["POST /Identity/Account/Manage/Index"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/PersonalData"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/ResetAuthenticator"] = "in 302 302 302 302 302",
        ["POST /Identity/Account/Manage/ShowRecoveryCodes"] = "in 200 200 200 200 200",
        ["POST /Identity/Account/Manage/TwoFactorAuthentication"] = "in 302 302 302 302 302",
        ["POST /Identity/Account/Register"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/RegisterConfirmation"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/ResendEmailConfirmation"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/ResetPassword"] = "200 200 200 200 200 200",
        ["POST /Identity/Account/ResetPasswordConfirmation"] = "200 200 200 200 200 200",
        ["POST /account/settings"] = "in 200 200 200 200 200",
        ["POST /admin/units"] = "in 403 403 403 403 302",
        ["POST /admin/units/{id:int}/archive"] = "in 403 403 403 403 302",
        ["POST /admin/units/{id:int}/coordinators"] = "in 403 403 403 403 302",
        ["POST /admin/units/{id:int}/coordinators/{userId}/remove"] = "in 403 403 403 403 302",
        ["POST /admin/units/{id:int}/delete"] = "in 403 403 403 403 400",
        ["POST /admin/units/{id:int}/move"] = "in 403 403 403 403 400",
        ["POST /admin/units/{id:int}/rename"] = "in 403 403 403 403 302",
        ["POST /admin/units/{id:int}/restore"] = "in 403 403 403 403 302",
        ["POST /admin/users/{id}"] = "in 403 403 403 403 302",
        ["POST /attempts/{id:int}"] = "in 302 404 403 403 403",
        ["POST /attempts/{id:int}/save"] = "in 200 404 403 403 403",
        ["POST /attempts/{id:int}/submit"] = "in 302 404 403 403 403",
        ["POST /certificates/{code}/revoke"] = "in 403 403 403 404 302",
        ["POST /coordinate/assignments"] = "in 403 403 403 400 400",
        ["POST /coordinate/assignments/{id:int}/people/{userId}/exempt"] = "in 403 403 403 404 302",
        ["POST /coordinate/assignments/{id:int}/people/{userId}/extend"] = "in 403 403 403 404 302",
        ["POST /coordinate/people/{id}/move"] = "in 403 403 403 404 302",
        ["POST /courses/{course}/modules/{module}/complete"] = "in 302 302 403 403 403",
        ["POST /courses/{course}/quizzes/{key}/start"] = "in 302 302 403 403 403",
        ["POST /courses/{slug}/enrol"] = "in 302 302 403 403 403",
        ["POST /courses/{slug}/leave"] = "in 302 302 403 403 403",
        ["POST /error/{code:int}"] = "404 404 404 404 404 404",
        ["POST /invitations/renew"] = "200 200 200 200 200 200",
        ["POST /invitations/{token}"] = "200 200 200 200 200 200",
        ["POST /language"] = "400 400 400 400 400 400",
        ["POST /people/import"] = "in 403 403 403 200 200",
        ["POST /people/{id}/invitation"] = "in 403 403 403 404 302",
        ["POST /reminders/preferences"] = "404 404 404 404 404 404",
        ["POST /teach/courses/import"] = "in 403 403 403 403 400",
        ["POST /teach/courses/new"] = "in 403 403 400 403 400",
        ["POST /teach/courses/{slug}/convert"] = "in 403 403 403 403 302",
        ["POST /teach/courses/{slug}/discard"] = "in 403 403 404 403 302",
        ["POST /teach/courses/{slug}/edit/file"] = "in 403 403 404 403 404",
        ["POST /teach/courses/{slug}/edit/images"] = "in 403 403 404 403 400",
        ["POST /teach/courses/{slug}/edit/modules"] = "in 403 403 404 403 400",
        ["POST /teach/courses/{slug}/edit/modules/{module}/move"] = "in 403 403 404 403 302",
        ["POST /teach/courses/{slug}/edit/modules/{module}/remove"] = "in 403 403 404 403 302",
        ["POST /teach/courses/{slug}/edit/preview"] = "in 403 403 404 403 404",
        ["POST /teach/courses/{slug}/edit/settings"] = "in 403 403 404 403 400",
        ["POST /teach/courses/{slug}/history/{number:int}/restore"] = "in 403 403 404 403 302",
        ["POST /teach/courses/{slug}/publish"] = "in 403 403 404 403 400",
        ["POST /teach/courses/{slug}/quiz-preview"] = "in 403 403 404 403 404",
        ["POST /teach/courses/{slug}/trainers"] = "in 403 403 403 403 400",
        ["POST /teach/courses/{slug}/trainers/{userId}/remove"] = "in 403 403 403 403 404",
        ["POST /verify"] = "302 302 302 302 302 302",
    };

    /// <summary>Routes whose pages may name the owner to someone who is not the owner or an admin.</summary>
    private static readonly HashSet<string> NamesTheOwnerByDesign = ["GET /verify/{code}"];

    [Fact]
    public void Every_route_of_the_site_has_a_declared_expectation()
    {
        var routes = Routes(site.App);
        var undeclared = routes.Where(r => !Expected.ContainsKey(r)).Order().ToList();
        var stale = Expected.Keys.Where(k => !routes.Contains(k)).ToList();

        Assert.True(undeclared.Count == 0, "Declare what these routes answer each person:\n" + string.Join("\n", undeclared));
        Assert.True(stale.Count == 0, "These expectations name routes that no longer exist:\n" + string.Join("\n", stale));
        Assert.All(Expected, e => Assert.Equal(Enum.GetValues<Who>().Length, e.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public async Task Every_route_answers_each_person_as_declared_and_names_the_owner_only_to_the_owner_and_admins()
    {
        var failures = new List<string>();
        var answers = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        var routes = Routes(site.App).Order(StringComparer.Ordinal).ToList();
        foreach (var who in Enum.GetValues<Who>())
        {
            var (client, token) = await site.ClientAsync(who);
            // Gets first, then posts; logging out ends the session, so it comes last.
            foreach (var route in routes.OrderBy(r => r.StartsWith("POST", StringComparison.Ordinal)).ThenBy(r => r.Contains("Logout", StringComparison.Ordinal)))
            {
                var url = site.Fill(route);
                var response = route.StartsWith("POST", StringComparison.Ordinal)
                    ? await client.PostAsync(url, new FormUrlEncodedContent(site.Form(token)))
                    : await client.GetAsync(url);
                var answer = Outcome(response);
                if (!answers.TryGetValue(route, out var row))
                {
                    answers[route] = row = new string[Enum.GetValues<Who>().Length];
                }
                row[(int)who] = answer;
                var expected = Expected.TryGetValue(route, out var line) ? line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[(int)who] : "?";
                if (answer != expected)
                {
                    failures.Add($"{route} as {who}: expected {expected}, answered {answer} ({url})");
                }
                if (who is not (Who.Owner or Who.Admin) && !NamesTheOwnerByDesign.Contains(route))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    foreach (var marker in site.OwnerMarkers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{route} as {who}: the answer contains the owner's \"{marker}\"");
                    }
                }
            }
        }

        // On failure, the whole observed table, in the declaration's syntax, to compare or review.
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nObserved:\n"
            + string.Join("\n", answers.Select(a => $"        [\"{a.Key}\"] = \"{string.Join(' ', a.Value)}\",")));
    }

    private static string Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString) : "";
            return location.StartsWith("/Identity/Account/Login", StringComparison.OrdinalIgnoreCase) ? "in"
                : location.StartsWith("/error/403", StringComparison.Ordinal) ? "403"
                : "302";
        }
        return status.ToString(CultureInfo.InvariantCulture);
    }

    private static HashSet<string> Routes(TrainingAppFactory app) => Organisations.CoordinatorScopeTests.Routes(app);

    /// <summary>
    /// An organisation with Home (the owner, an assignment, a waiting invitation, Home's own coordinator) and
    /// Away (the probing coordinator); the owner holds a certificate of <c>welcome</c> and has an attempt under
    /// way on the first quiz of <c>spotting-trafficking</c>.
    /// </summary>
    public sealed class Site : IAsyncLifetime
    {
        private const string QuizCourse = "spotting-trafficking", QuizKey = "women-on-the-move";

        public TrainingAppFactory App { get; } = new();

        private readonly Dictionary<Who, string> emails = [];
        private Unit home = null!;
        private string ownerId = "", homeCoordinatorId = "", trainerId = "", invitedId = "", certificate = "";
        private int attemptId, assignmentId;

        public string OwnerName { get; } = $"Olga Owner {Guid.NewGuid().ToString("N")[..6]}";

        public IReadOnlyList<string> OwnerMarkers => [OwnerName, emails[Who.Owner], certificate];

        public async Task InitializeAsync()
        {
            var organisation = await App.CreateUnitAsync("Border Police");
            home = await App.CreateUnitAsync("Home", organisation);
            var away = await App.CreateUnitAsync("Away", organisation);

            var owner = await App.CreateUserAsync(OwnerName, Roles.Learner);
            ownerId = owner.Id;
            emails[Who.Owner] = owner.Email!;
            await App.PlaceAsync(home, ownerId);
            var other = await App.CreateUserAsync("Otto Other", Roles.Learner);
            emails[Who.OtherLearner] = other.Email!;
            await App.PlaceAsync(home, other.Id);
            var trainer = await App.CreateUserAsync("Tara Trainer", Roles.Trainer);
            trainerId = trainer.Id;
            emails[Who.Trainer] = trainer.Email!;
            var coordinator = await App.CreateUserAsync("Carl Away", Roles.Coordinator);
            emails[Who.Coordinator] = coordinator.Email!;
            await App.CoordinateAsync(away, coordinator.Email!);
            var homeCoordinator = await App.CreateUserAsync("Hana Home", Roles.Coordinator);
            homeCoordinatorId = homeCoordinator.Id;
            await App.CoordinateAsync(home, homeCoordinator.Email!);
            var admin = await App.CreateUserAsync("Ada Admin", Roles.Admin);
            emails[Who.Admin] = admin.Email!;

            await App.CompleteWelcomeAsync(ownerId);
            await App.CompleteWelcomeAsync(other.Id);
            certificate = App.WithDb(db => db.Certificates.Single(c => c.UserId == ownerId).Code);
            using (var scope = App.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(ownerId, QuizCourse, default);
                await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(other.Id, QuizCourse, default);
                var (outcome, id) = await scope.ServiceProvider.GetRequiredService<AttemptService>().StartOrResumeAsync(ownerId, QuizCourse, QuizKey, default);
                Assert.Equal(StartOutcome.Started, outcome);
                attemptId = id!.Value;
                var courseId = App.WithDb(db => db.Courses.Single(c => c.Slug == WelcomeCourse.Slug).Id);
                var (assigned, assignment) = await scope.ServiceProvider.GetRequiredService<Training.Courses.Assignments.AssignmentService>()
                    .AssignAsync(Training.Courses.People.Actor.CommandLine(), courseId, home.Id, [], null, 30, default);
                Assert.Equal(Training.Courses.Assignments.AssignOutcome.Done, assigned);
                assignmentId = assignment;
            }
            invitedId = await InvitedAsync();
        }

        public async Task<(HttpClient Client, string Token)> ClientAsync(Who who)
        {
            if (who == Who.Anonymous)
            {
                var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
                return (anonymous, FormPoster.TokenIn(await anonymous.GetStringAsync("/Identity/Account/Login")));
            }
            var client = await App.LoggedInClientAsync(emails[who]);
            return (client, FormPoster.TokenIn(await client.GetStringAsync("/account/settings")));
        }

        /// <summary>The route's address with the owner's things in its parameters.</summary>
        public string Fill(string route)
        {
            var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var quiz = path.StartsWith("/courses/{course}/quizzes", StringComparison.Ordinal) || path.StartsWith("/teach/quizzes", StringComparison.Ordinal);
            var assignmentRoute = path.StartsWith("/coordinate/assignments", StringComparison.Ordinal);
            string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
            var values = new Dictionary<string, string>
            {
                ["id"] = path.StartsWith("/admin/units", StringComparison.Ordinal) ? Number(home.Id)
                    : assignmentRoute ? Number(assignmentId)
                    : path.StartsWith("/attempts", StringComparison.Ordinal) ? Number(attemptId)
                    : path.StartsWith("/people", StringComparison.Ordinal) ? invitedId
                    : ownerId,
                ["token"] = "made-up-token",
                ["userId"] = assignmentRoute ? ownerId : path.StartsWith("/teach", StringComparison.Ordinal) ? trainerId : homeCoordinatorId,
                ["code"] = certificate,
                ["course"] = quiz ? QuizCourse : WelcomeCourse.Slug,
                ["slug"] = WelcomeCourse.Slug,
                ["module"] = "how-these-courses-work",
                ["key"] = QuizKey,
                ["path"] = "images/learning-path.svg",
                ["number"] = "1",
            };
            var filled = Parameter().Replace(path, m => values[m.Groups["name"].Value]);
            // Identity's pages take ids in the query string.
            return filled.StartsWith("/Identity", StringComparison.Ordinal) ? $"{filled}?userId={ownerId}&code=x" : filled;
        }

        /// <summary>What a post sends: the Home unit as the target, a new name, a reason, admin as the role.</summary>
        public Dictionary<string, string> Form(string token)
        {
            var unit = home.Id.ToString(CultureInfo.InvariantCulture);
            return new()
            {
                ["__RequestVerificationToken"] = token,
                ["unitId"] = unit,
                ["parentId"] = unit,
                ["name"] = "Taken over",
                ["email"] = emails[Who.Coordinator],
                ["reason"] = "Taken over",
                ["roles"] = Roles.Admin,
                ["Target"] = "unit",
                ["UnitId"] = unit,
                ["DueKind"] = "relative",
                ["DueDays"] = "30",
                ["dueOn"] = "2099-01-01",
            };
        }

        private async Task<string> InvitedAsync()
        {
            var person = await App.CreateUserAsync("Ivo Invited", Roles.Learner);
            await App.PlaceAsync(home, person.Id);
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Training.Web.Infrastructure.Data.TrainingDbContext>();
            var stored = db.Users.Single(u => u.Id == person.Id);
            stored.PasswordHash = null;
            scope.ServiceProvider.GetRequiredService<Training.Courses.People.InvitationService>().Issue(stored, Training.Courses.People.Actor.CommandLine(), DateTime.UtcNow);
            await db.SaveChangesAsync();
            return person.Id;
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            if (Directory.Exists(App.DataFolder))
            {
                Directory.Delete(App.DataFolder, recursive: true);
            }
            return Task.CompletedTask;
        }
    }

    [GeneratedRegex(@"\{\**(?<name>\w+)(:[^}]+)?\}")]
    private static partial Regex Parameter();
}
