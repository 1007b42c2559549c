using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Assessment.Attempts;
using Training.Assessment.Certificates;
using Training.Assessment.Grading;
using Training.Assessment.Statistics;
using Training.Courses.Audit;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Privacy;

/// <summary>
/// "Download my data" and deleting an account (by the person or an admin), over the quiz course, so the people
/// have attempts with answers, completions and certificates, and mail in the outbox.
/// </summary>
public sealed class AnonymisationTests : IDisposable
{
    private readonly QuizContent content = new("passMark: 20\nshuffle: false");
    private readonly TrainingAppFactory app;

    public AnonymisationTests()
    {
        app = new TrainingAppFactory()
            .WithSetting("Content:Folder", content.Folder)
            .WithSetting("Reminders:RunOnSchedule", "false")
            .WithSetting("Smtp:DispatchIntervalSeconds", "0");
        _ = app.Services;
    }

    [Fact]
    public async Task The_download_holds_every_section_of_the_persons_records_and_is_audited()
    {
        var person = await CertifiedAsync("Dana Download");
        var code = app.WithDb(db => db.Certificates.Single(c => c.UserId == person.Id).Code);
        await QueueMailAsync(person.Email!, "A mail for Dana");
        var unit = await app.CreateUnitAsync("Download unit");
        await app.PlaceAsync(unit, person.Id);
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/PersonalData", [], "/Identity/Account/Manage/DownloadPersonalData");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Dana Download", root.GetProperty("profile").GetProperty("fullName").GetString());
        Assert.Equal(unit.Path, root.GetProperty("profile").GetProperty("unit").GetString());
        Assert.Equal(unit.Path, root.GetProperty("unitHistory")[0].GetProperty("unit").GetString());
        Assert.Equal("Quiz course", root.GetProperty("enrolments")[0].GetProperty("course").GetString());
        Assert.Contains(root.GetProperty("progress").GetProperty("modules").EnumerateArray(), m => m.GetProperty("module").GetString() == "more");
        Assert.Equal(1, root.GetProperty("progress").GetProperty("courses").GetArrayLength());
        var attempts = root.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(2, attempts.Count);
        var basics = attempts.Single(a => a.GetProperty("quiz").GetString() == "basics");
        Assert.Equal("held-passport", basics.GetProperty("answers")[0].GetProperty("question").GetString());
        Assert.Contains("\"b\"", basics.GetProperty("answers")[0].GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(code, root.GetProperty("certificates")[0].GetProperty("code").GetString());
        Assert.Contains(root.GetProperty("mails").EnumerateArray(), m => m.GetProperty("subject").GetString() == "A mail for Dana");
        var audit = root.GetProperty("auditEntries").EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.SignInSucceeded);
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.CertificateIssued && e.GetProperty("targetId").GetString() == code);

        var entry = app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == person.Id).OrderBy(e => e.Id).ToList()).Last();
        Assert.Equal(AuditActions.PersonalDataDownloaded, entry.Action);
        Assert.Equal(person.Id, entry.ActorUserId);
    }

    [Fact]
    public async Task Only_an_admin_downloads_someone_elses_data_and_that_is_audited()
    {
        var person = await CertifiedAsync("Olga Owner");
        var other = await app.CreateUserAsync("Otto Other", Roles.Learner);
        var trainer = await app.CreateUserAsync("Tina Trainer", Roles.Trainer);
        var (_, coordinator) = await app.CoordinatorOfAsync(other.Id); // coordinates another unit
        var admin = await app.CreateUserAsync("Adam Admin", Roles.Admin);
        var url = $"/admin/users/{person.Id}/personal-data";

        foreach (var email in new[] { other.Email!, trainer.Email!, coordinator.Email! })
        {
            var refused = await (await app.LoggedInClientAsync(email)).PostFormAsync("/Identity/Account/Manage/PersonalData", [], url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/error/403", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync(url, new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        // The other learner's own download holds nothing of the owner.
        var own = await (await app.LoggedInClientAsync(other.Email!)).PostFormAsync("/Identity/Account/Manage/PersonalData", [], "/Identity/Account/Manage/DownloadPersonalData");
        Assert.DoesNotContain("Olga Owner", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var adminClient = await app.LoggedInClientAsync(admin.Email!);
        var response = await adminClient.PostFormAsync($"/admin/users/{person.Id}", [], url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Olga Owner", json.RootElement.GetProperty("profile").GetProperty("fullName").GetString());
        var entry = app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == person.Id).OrderBy(e => e.Id).ToList()).Last();
        Assert.Equal(AuditActions.PersonalDataDownloaded, entry.Action);
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal("by an admin", entry.Detail);
        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.PostFormAsync($"/admin/users/{person.Id}", [], "/admin/users/no-such-id/personal-data")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_certificate_holder_keeps_the_statistics_withdraws_the_certificate_and_ends_the_log_in()
    {
        var holder = await CertifiedAsync("Hana Holder");
        var code = app.WithDb(db => db.Certificates.Single(c => c.UserId == holder.Id).Code);
        await QueueMailAsync(holder.Email!, "A mail for Hana");
        await QueueMailAsync("someone.else@example.org", "A mail for someone else");
        var before = await StatisticsAsync();
        var client = await app.LoggedInClientAsync(holder.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = TrainingAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertAnonymised(holder.Id);
        Assert.Equal(before, await StatisticsAsync());
        Assert.False(app.WithDb(db => db.Set<OutboxMessage>().Any(m => m.Subject == "A mail for Hana")));
        Assert.True(app.WithDb(db => db.Set<OutboxMessage>().Any(m => m.Subject == "A mail for someone else")));
        await AssertWithdrawnAsync(code, "Hana Holder");
        var entries = app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == holder.Id || e.TargetId == code).OrderBy(e => e.Id).ToList());
        Assert.Equal(AuditActions.AccountDeleted, entries[^1].Action);
        Assert.StartsWith("by the person themselves", entries[^1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Hana Holder", entries[^1].Detail, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Action == AuditActions.CertificateRevoked && e.TargetId == code && e.Detail == Certificate.WithdrawnReason);
        await AssertCannotLogInAsync(holder.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_persons_assigned_training_leaves_the_coordinators_counts()
    {
        string[] people = [(await app.CreateUserAsync("Dora Deleted", Roles.Learner)).Id, (await app.CreateUserAsync("Karl Kept", Roles.Learner)).Id];
        var (unit, coordinator) = await app.CoordinatorOfAsync(people);
        using (var scope = app.Services.CreateScope())
        {
            var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == QuizContent.Course).Id);
            var (outcome, _) = await scope.ServiceProvider.GetRequiredService<Training.Courses.Assignments.AssignmentService>()
                .AssignAsync(Training.Courses.People.Actor.CommandLine(), courseId, unit.Id, [], null, 30, default);
            Assert.Equal(Training.Courses.Assignments.AssignOutcome.Done, outcome);
        }
        int Assigned(Training.Courses.People.Actor actor) => app.WithDb(db => Training.Courses.People.UnitScope.AssignedCoursesIn(db, actor).Count());
        var coordinatorActor = Training.Courses.People.Actor.Scoped(coordinator.Id, coordinator.Email!, null, isCoordinator: true, [unit.Id]);
        var everything = Training.Courses.People.Actor.CommandLine();
        Assert.Equal(2, Assigned(coordinatorActor));
        var total = Assigned(everything);

        var email = app.WithDb(db => db.Users.Single(u => u.Id == people[0]).Email!);
        var client = await app.LoggedInClientAsync(email);
        var response = await client.PostFormAsync("/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Input.Password"] = TrainingAppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, Assigned(coordinatorActor));
        Assert.Equal(total - 1, Assigned(everything));
        Assert.Equal(2, app.WithDb(db => db.AssignedCourses.Count(a => a.UnitId == unit.Id))); // kept for the statistics
    }

    [Fact]
    public async Task An_admin_deletes_a_coordinator_who_revoked_a_certificate_after_confirming()
    {
        var learner = await CertifiedAsync("Lena Learner");
        var code = app.WithDb(db => db.Certificates.Single(c => c.UserId == learner.Id).Code);
        var (unit, coordinator) = await app.CoordinatorOfAsync(learner.Id);
        using (var scope = app.Services.CreateScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<CertificateRegister>();
            var actor = Actor.Scoped(coordinator.Id, coordinator.Email!, null, isCoordinator: true, [unit.Id]);
            Assert.Equal(RevokeOutcome.Revoked, await register.RevokeAsync(actor, code, "Issued in error", default));
        }
        var admin = await app.CreateUserAsync("Ada Admin", Roles.Admin);
        var client = await app.LoggedInClientAsync(admin.Email!);
        var page = $"/admin/users/{coordinator.Id}/delete";

        var unconfirmed = await client.PostFormAsync(page, []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == coordinator.Id).AnonymisedAt));

        var response = await client.PostFormAsync(page, new Dictionary<string, string> { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertAnonymised(coordinator.Id);
        Assert.False(app.WithDb(db => db.UnitCoordinators.Any(c => c.UserId == coordinator.Id)));
        var certificate = app.WithDb(db => db.Certificates.AsNoTracking().Single(c => c.Code == code));
        Assert.Equal(coordinator.Id, certificate.RevokedByUserId);
        Assert.Equal("Issued in error", certificate.RevocationReason);
        var entry = app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == coordinator.Id).OrderBy(e => e.Id).ToList()).Last();
        Assert.Equal(AuditActions.AccountDeleted, entry.Action);
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.StartsWith("by an admin", entry.Detail, StringComparison.Ordinal);
        await AssertCannotLogInAsync(coordinator.Email!);
        // Gone from the admin's list and pages.
        Assert.DoesNotContain(coordinator.Id, await client.GetStringAsync("/admin/users"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_deleted_learners_certificate_says_withdrawn_after_an_admin_deletes_them()
    {
        var learner = await CertifiedAsync("Wanda Withdrawn");
        var code = app.WithDb(db => db.Certificates.Single(c => c.UserId == learner.Id).Code);
        var admin = await app.CreateUserAsync("Adele Admin", Roles.Admin);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostFormAsync($"/admin/users/{learner.Id}/delete", new Dictionary<string, string> { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertWithdrawnAsync(code, "Wanda Withdrawn");
    }

    [Fact]
    public async Task The_only_admin_cannot_be_deleted_from_the_admin_page()
    {
        var admin = await app.CreateUserAsync("Solo Admin", Roles.Admin);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var response = await client.PostFormAsync($"/admin/users/{admin.Id}/delete", new Dictionary<string, string> { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least one administrator", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == admin.Id)).AnonymisedAt);
        Assert.Equal(AuditActions.AccountDeletionRefused, app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == admin.Id).OrderBy(e => e.Id).ToList()).Last().Action);
    }

    [Fact]
    public async Task The_privacy_notice_is_public_and_linked_from_every_page()
    {
        var anonymous = app.CreateClient();

        var notice = await anonymous.GetStringAsync("/privacy");
        var home = await anonymous.GetStringAsync("/");

        Assert.Contains("What we keep and why", notice, StringComparison.Ordinal);
        Assert.Contains("not deleted for being unused", notice, StringComparison.Ordinal);
        Assert.Contains("href=\"/privacy\"", home, StringComparison.Ordinal);
        Assert.Contains("Ce que nous conservons et pourquoi", await anonymous.GetStringAsync("/privacy?culture=fr"), StringComparison.Ordinal);
    }

    private void AssertAnonymised(string userId)
    {
        var user = app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == userId));
        Assert.NotNull(user.AnonymisedAt);
        Assert.Null(user.Email);
        Assert.Null(user.PasswordHash);
        Assert.Equal("", user.FullName);
        Assert.Equal($"deleted-{userId}", user.UserName);
        Assert.False(app.WithDb(db => db.UserRoles.Any(r => r.UserId == userId)));
        Assert.All(app.WithDb(db => db.Certificates.Where(c => c.UserId == userId).ToList()), c => Assert.Equal("", c.LearnerName));
    }

    private async Task AssertWithdrawnAsync(string code, string name)
    {
        var page = await app.CreateClient().GetStringAsync($"/verify/{code}");
        Assert.Contains("Withdrawn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No certificate has the code", page, StringComparison.Ordinal);
        Assert.DoesNotContain(name, page, StringComparison.Ordinal);
    }

    private async Task AssertCannotLogInAsync(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TrainingAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with its error
    }

    /// <summary>What a trainer's statistics and the completion counts say about the quiz course.</summary>
    private async Task<(int Attempts, decimal? PassRate, int Completions, int Certificates)> StatisticsAsync()
    {
        using var scope = app.Services.CreateScope();
        var stats = (await scope.ServiceProvider.GetRequiredService<QuizStatisticsQuery>().GetAsync(QuizContent.Course, "basics", default))!;
        return (stats.Attempts, stats.PassRatePercent, app.WithDb(db => db.CourseCompletions.Count()), app.WithDb(db => db.Certificates.Count()));
    }

    private async Task QueueMailAsync(string to, string subject)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxEmailSender>().SendEmailAsync(to, subject, "<p>Hello</p>");
    }

    /// <summary>A learner who passed both quizzes of the quiz course and holds its certificate.</summary>
    private async Task<TrainingUser> CertifiedAsync(string name)
    {
        var learner = await app.CreateUserAsync(name, Roles.Learner);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        await scope.ServiceProvider.GetRequiredService<ProgressService>().MarkCompleteAsync(learner.Id, QuizContent.Course, "more", default);
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        foreach (var (quiz, answers) in new[]
        {
            ("basics", new Dictionary<string, QuestionAnswer> { ["held-passport"] = new() { Choices = ["b"] } }),
            ("final", new Dictionary<string, QuestionAnswer> { ["final-one"] = new() { Choices = ["a"] } }),
        })
        {
            var (_, id) = await attempts.StartOrResumeAsync(learner.Id, QuizContent.Course, quiz, default);
            await attempts.SaveAsync(learner.Id, id!.Value, answers, null, default);
            await attempts.SubmitAsync(learner.Id, id.Value, default);
        }
        Assert.Equal(1, app.WithDb(db => db.Certificates.Count(c => c.UserId == learner.Id)));
        return learner;
    }

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
        try
        {
            Directory.Delete(app.DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
