using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Assessment.Attempts;
using Training.Assessment.Grading;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Features.Reminders;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Features.Quizzes;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Reminders;

/// <summary>Reminders over the quiz course (certificates valid 12 months), with the site's clock in hand.</summary>
public sealed partial class ReminderTests : IDisposable
{
    private readonly QuizContent content = new("passMark: 20\nshuffle: false");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public ReminderTests()
    {
        app = new TrainingAppFactory()
            .WithSetting("Content:Folder", content.Folder)
            .WithSetting("Reminders:RunOnSchedule", "false")
            .WithSetting("Smtp:DispatchIntervalSeconds", "0")
            .WithSetting("Site:BaseUrl", "https://training.example.org")
            .WithClock(clock);
        _ = app.Services;
    }

    [Fact]
    public async Task Certificate_expiry_reminders_go_out_at_60_and_14_days_and_on_the_day_each_once()
    {
        var learner = await CompleteCourseAsync("Ines Expiry");
        var expires = app.WithDb(db => db.Certificates.Single(c => c.UserId == learner).ExpiresAt!.Value);

        clock.SetUtcNow(new DateTimeOffset(expires.AddDays(-59).Date.AddHours(10), TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        clock.SetUtcNow(new DateTimeOffset(expires.AddDays(-13).Date.AddHours(10), TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        clock.SetUtcNow(new DateTimeOffset(expires.Date.AddHours(8).AddMinutes(30), TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var steps = app.WithDb(db => db.Set<ReminderLog>().Where(l => l.UserId == learner && l.Kind == "certificate-expiry").Select(l => l.Step).ToList());
        Assert.Equal(["0", "14", "60"], steps.Order());
        var mail = app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.Subject.StartsWith("Your certificate for Quiz course expires")).ToList());
        Assert.Equal(3, mail.Count);
        Assert.Contains("https://training.example.org/courses/quiz-course", mail[0].HtmlBody);
    }

    [Fact]
    public async Task Reminders_wait_for_working_hours_in_the_learners_time_zone()
    {
        var learner = await EnrolledAsync("Maria Manila");
        app.WithDb(db =>
        {
            db.Users.Single(u => u.Id == learner).TimeZoneId = "Asia/Manila";
            return db.SaveChanges();
        });

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 20, 0, 0, TimeSpan.Zero)); // 04:00 in Manila
        Assert.Equal(0, await RunAsync());
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 1, 0, 0, TimeSpan.Zero)); // 09:00 in Manila
        Assert.Equal(1, await RunAsync());
    }

    [Fact]
    public async Task An_inactivity_reminder_is_sent_once_and_not_after_the_course_is_complete()
    {
        var idle = await EnrolledAsync("Ivan Idle");
        var done = await CompleteCourseAsync("Dora Done");

        clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var logs = app.WithDb(db => db.Set<ReminderLog>().Where(l => l.Kind == "inactivity").Select(l => l.UserId).ToList());
        Assert.Equal([idle], logs);
        Assert.DoesNotContain(done, logs);
    }

    [Fact]
    public async Task A_reminder_is_written_in_the_learners_language_where_a_translation_exists_and_names_stay_text()
    {
        var french = await EnrolledAsync("Françoise <b>Fournier</b>");
        var german = await EnrolledAsync("Dieter Deutsch");
        app.WithDb(db =>
        {
            db.Users.Single(u => u.Id == french).Language = "fr";
            db.Users.Single(u => u.Id == german).Language = "de"; // no German templates
            return db.SaveChanges();
        });

        clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(2, await RunAsync());

        var mail = app.WithDb(db => db.Set<OutboxMessage>().Join(db.Users, m => m.To, u => u.Email, (m, u) => new { u.Id, m.Subject, m.HtmlBody }).ToList());
        var inFrench = mail.Single(m => m.Id == french);
        var inEnglish = mail.Single(m => m.Id == german);
        Assert.Equal("Reprenez votre cours Quiz course", inFrench.Subject);
        Assert.Contains("Bonjour Françoise &lt;b&gt;Fournier&lt;/b&gt;,", inFrench.HtmlBody);
        Assert.Contains("depuis le 23 novembre 2026", inFrench.HtmlBody);
        Assert.Contains(">Choisir les rappels que vous recevez</a>", inFrench.HtmlBody);
        Assert.Equal("Continue your course Quiz course", inEnglish.Subject);
        Assert.Contains("since 23 November 2026", inEnglish.HtmlBody);
        Assert.Contains("<a href=\"https://training.example.org/courses/quiz-course\">Continue the course</a>", inEnglish.HtmlBody);
    }

    [Fact]
    public async Task A_quiz_left_unfinished_gets_one_nudge()
    {
        var learner = await EnrolledAsync("Una Unfinished");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttemptService>().StartOrResumeAsync(learner, QuizContent.Course, "basics", default);
        }

        clock.Advance(TimeSpan.FromHours(25));
        await RunAsync();
        await RunAsync();

        Assert.Single(app.WithDb(db => db.Set<ReminderLog>().Where(l => l.UserId == learner && l.Kind == "unfinished-attempt").ToList()));
    }

    [Fact]
    public async Task The_preferences_link_works_without_logging_in_and_cannot_open_anyone_elses_settings()
    {
        var learner = await EnrolledAsync("Pia Preferences");
        var other = await EnrolledAsync("Olaf Other");
        clock.Advance(TimeSpan.FromDays(15));
        await RunAsync();
        var html = app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == db.Users.Single(u => u.Id == learner).Email).Select(m => m.HtmlBody).First());
        var link = WebUtility.HtmlDecode(PreferencesLink().Match(html).Groups[1].Value);
        var path = new Uri(link).PathAndQuery;
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
        Assert.Contains("Settings for Pia Preferences", page);
        var token = Regex.Match(path, "token=([^&]+)").Groups[1].Value;
        var saved = await anonymous.PostFormAsync(path,
        [
            new("token", Uri.UnescapeDataString(token)), new("remind", "certificate-expiry"), new("remind", "unfinished-attempt"),
        ], "/reminders/preferences");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["inactivity"], OptOuts(learner));
        Assert.Empty(OptOuts(other));

        var forged = await anonymous.GetAsync("/reminders/preferences?token=" + Uri.EscapeDataString(other));
        var altered = await anonymous.GetAsync(path[..^3] + "AAA");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
    }

    [Fact]
    public async Task Switching_off_one_reminder_on_the_settings_page_stops_it_and_the_others_still_come()
    {
        var learner = await WithUnfinishedAttemptAsync("Sven Settings");
        var client = await app.LoggedInClientAsync(app.WithDb(db => db.Users.Single(u => u.Id == learner).Email!));

        var saved = await client.PostFormAsync("/account/settings", [new("remind", "certificate-expiry"), new("remind", "unfinished-attempt")]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["inactivity"], OptOuts(learner));
        await AssertOnlyUnfinishedAttemptIsSentAsync(learner);
    }

    [Fact]
    public async Task Switching_off_one_reminder_from_the_link_in_a_reminder_stops_it_and_the_others_still_come()
    {
        var learner = await WithUnfinishedAttemptAsync("Lena Link");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var path = "/reminders/preferences?token=" + Uri.EscapeDataString(PreferencesToken(learner));

        var saved = await anonymous.PostFormAsync(path,
            [new("token", PreferencesToken(learner)), new("remind", "certificate-expiry"), new("remind", "unfinished-attempt")], "/reminders/preferences");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Your choices are saved.", await saved.Content.ReadAsStringAsync());
        Assert.Equal(["inactivity"], OptOuts(learner));
        await AssertOnlyUnfinishedAttemptIsSentAsync(learner);
    }

    [Fact]
    public async Task Ticking_a_reminder_again_removes_the_opt_out_and_it_is_sent()
    {
        var learner = await EnrolledAsync("Rita Return");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var path = "/reminders/preferences?token=" + Uri.EscapeDataString(PreferencesToken(learner));
        await anonymous.PostFormAsync(path, [new("token", PreferencesToken(learner))], "/reminders/preferences");
        Assert.Equal(["certificate-expiry", "inactivity", "unfinished-attempt"], OptOuts(learner).Order());

        await anonymous.PostFormAsync(path, [new("token", PreferencesToken(learner)), new("remind", "inactivity")], "/reminders/preferences");

        Assert.Equal(["certificate-expiry", "unfinished-attempt"], OptOuts(learner).Order());
        clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await RunAsync());
    }

    [Fact]
    public async Task The_preferences_page_says_why_mandatory_reminders_cannot_be_switched_off_and_refuses_kinds_it_does_not_offer()
    {
        var learner = await EnrolledAsync("Mona Mandatory");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var path = "/reminders/preferences?token=" + Uri.EscapeDataString(PreferencesToken(learner));

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(path));
        var refused = await anonymous.PostFormAsync(path, [new("token", PreferencesToken(learner)), new("remind", "overdue")], "/reminders/preferences");

        Assert.Contains("Reminders about training assigned to you (mandatory training) cannot be switched off, because your organisation requires that training.", page);
        Assert.Contains("<label for=\"remind-inactivity\">Course not opened for a while</label>", page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose reminders from the list.", await refused.Content.ReadAsStringAsync());
        Assert.Empty(OptOuts(learner));
    }

    [Fact]
    public async Task An_opt_out_never_silences_a_reminder_the_learner_may_not_switch_off()
    {
        var learner = await EnrolledAsync("Otto Obliged");
        app.WithDb(db =>
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = learner, Kind = AssignedReminder.TestKind, Since = clock.GetUtcNow().UtcDateTime });
            return db.SaveChanges();
        });
        using var site = app.WithWebHostBuilder(builder => builder
            .UseSetting($"Reminders:Schedules:{AssignedReminder.TestKind}:Template", "inactivity")
            .ConfigureTestServices(services => services.AddScoped<IReminderRule>(_ => new AssignedReminder(learner))));
        using var scope = site.Services.CreateScope();

        var queued = await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync(AssignedReminder.TestKind, default);
        var offered = await scope.ServiceProvider.GetRequiredService<ReminderPreferences>().GetAsync(learner, default);

        Assert.Equal(1, queued);
        Assert.DoesNotContain(offered, c => c.Kind == AssignedReminder.TestKind);
        Assert.False(scope.ServiceProvider.GetRequiredService<ReminderPreferences>().Offers([AssignedReminder.TestKind]));
    }

    /// <summary>Stands in for the coming due-date reminders: due for one learner, and not optional.</summary>
    private sealed class AssignedReminder(string learner) : IReminderRule
    {
        public const string TestKind = "assigned-test";

        public string Kind => TestKind;

        public bool Optional => false;

        public string Name => "Assigned course due";

        public string Description => "Before an assigned course is due.";

        public Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DueReminder>>([new DueReminder(learner, QuizContent.Course, "7", new Dictionary<string, object>
            {
                ["CourseTitle"] = "Quiz course",
                ["LastVisit"] = now,
                ["CourseLink"] = $"/courses/{QuizContent.Course}",
            })]);
    }

    private List<string> OptOuts(string userId) =>
        app.WithDb(db => db.ReminderOptOuts.Where(o => o.UserId == userId).Select(o => o.Kind).ToList());

    private string PreferencesToken(string userId) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ReminderService.PreferencesPurpose).Protect(userId);

    /// <summary>A learner due for both an inactivity reminder and an unfinished-attempt reminder 15 days from now.</summary>
    private async Task<string> WithUnfinishedAttemptAsync(string name)
    {
        var learner = await EnrolledAsync(name);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AttemptService>().StartOrResumeAsync(learner, QuizContent.Course, "basics", default);
        return learner;
    }

    private async Task AssertOnlyUnfinishedAttemptIsSentAsync(string learner)
    {
        clock.Advance(TimeSpan.FromDays(15));
        await RunAsync();
        var sent = app.WithDb(db => db.Set<ReminderLog>().Where(l => l.UserId == learner).Select(l => l.Kind).ToList());
        Assert.Equal(["unfinished-attempt"], sent);
    }

    private async Task<int> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync(default);
    }

    private async Task<string> EnrolledAsync(string name)
    {
        var learner = await app.CreateUserAsync(name, Roles.Learner);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, QuizContent.Course, default);
        return learner.Id;
    }

    private async Task<string> CompleteCourseAsync(string name)
    {
        var learner = await EnrolledAsync(name);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgressService>().MarkCompleteAsync(learner, QuizContent.Course, "more", default);
        var attempts = scope.ServiceProvider.GetRequiredService<AttemptService>();
        foreach (var (quiz, answers) in new[]
        {
            ("basics", new Dictionary<string, QuestionAnswer> { ["held-passport"] = new() { Choices = ["b"] } }),
            ("final", new Dictionary<string, QuestionAnswer> { ["final-one"] = new() { Choices = ["a"] } }),
        })
        {
            var (_, id) = await attempts.StartOrResumeAsync(learner, QuizContent.Course, quiz, default);
            await attempts.SaveAsync(learner, id!.Value, answers, null, default);
            await attempts.SubmitAsync(learner, id.Value, default);
        }
        Assert.Equal(1, app.WithDb(db => db.Certificates.Count(c => c.UserId == learner)));
        return learner;
    }

    [GeneratedRegex("href=\"([^\"]*reminders/preferences[^\"]*)\"")]
    private static partial Regex PreferencesLink();

    public void Dispose()
    {
        app.Dispose();
        content.Dispose();
    }
}
