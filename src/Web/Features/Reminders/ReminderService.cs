using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Assessment.Attempts;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Reminders;

/// <summary>
/// Finds the reminders that are due and queues each once, with its log row, in one transaction: the
/// unique log row is what makes a second run (or a second instance) send nothing new. A reminder is
/// only due while what it reminds of is still open, and only in the person's working hours.
/// </summary>
public sealed class ReminderService(
    TrainingDbContext db, IOptions<ReminderOptions> options, IOptions<SiteOptions> site, IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> localizer, OutboxSignal signal, TimeProvider clock, ILogger<ReminderService> logger)
{
    public const string PreferencesPurpose = "Training.Reminders.Preferences";

    private sealed record Due(string UserId, string Email, string Name, string? TimeZoneId, string Kind, string ItemKey, string Step, string Subject, string Html);

    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var due = new List<Due>();
        due.AddRange(await CertificateExpiryAsync(cancellationToken));
        due.AddRange(await InactivityAsync(cancellationToken));
        due.AddRange(await UnfinishedAttemptsAsync(cancellationToken));

        var queued = 0;
        foreach (var reminder in due.Where(InWorkingHours))
        {
            if (await db.Set<ReminderLog>().AnyAsync(l => l.UserId == reminder.UserId && l.Kind == reminder.Kind && l.ItemKey == reminder.ItemKey && l.Step == reminder.Step, cancellationToken))
            {
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            db.Set<ReminderLog>().Add(new ReminderLog { UserId = reminder.UserId, Kind = reminder.Kind, ItemKey = reminder.ItemKey, Step = reminder.Step, QueuedAt = now });
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                MessageId = $"{Guid.NewGuid():N}@training",
                To = reminder.Email,
                Subject = reminder.Subject,
                HtmlBody = reminder.Html + Footer(reminder.UserId),
                CreatedAt = now,
                NextAttemptAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken); // log and mail commit together
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance queued the same reminder a moment ago: the unique log row says so.
                db.ChangeTracker.Clear();
            }
        }
        if (queued > 0)
        {
            logger.LogInformation("Queued {Count} reminders.", queued);
            signal.Wake();
        }
        return queued;
    }

    private async Task<List<Due>> CertificateExpiryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var steps = options.Value.CertificateExpiryDays.OrderBy(d => d).ToList();
        var horizon = now.AddDays(steps.DefaultIfEmpty(0).Max());
        var candidates = await db.Certificates.AsNoTracking()
            .Where(c => c.RevokedAt == null && c.ExpiresAt != null && c.ExpiresAt <= horizon && c.ExpiresAt.Value.AddDays(1) > now)
            // Renewed: a newer certificate for the same course ends the reminders for the old one.
            .Where(c => !db.Certificates.Any(n => n.UserId == c.UserId && n.CourseId == c.CourseId && n.IssuedAt > c.IssuedAt))
            .Join(db.Users.Where(u => u.RemindCertificateExpiry), c => c.UserId, u => u.Id, (c, u) => new { c.Code, c.CourseTitle, c.ExpiresAt, u.Id, u.Email, u.FullName, u.TimeZoneId, c.CourseId })
            .ToListAsync(cancellationToken);
        var list = new List<Due>();
        foreach (var c in candidates)
        {
            // Only the most urgent step reached: a reminder that starts late does not send three at once.
            // Whole calendar days, so "0" is the day of expiry itself.
            var daysLeft = (c.ExpiresAt!.Value.Date - now.Date).TotalDays;
            var step = steps.Where(d => daysLeft <= d).DefaultIfEmpty(-1).Min();
            if (step < 0)
            {
                continue;
            }
            var slug = await db.Courses.Where(x => x.Id == c.CourseId).Select(x => x.Slug).SingleAsync(cancellationToken);
            var date = c.ExpiresAt.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
            list.Add(new Due(c.Id, c.Email!, c.FullName, c.TimeZoneId, "certificate-expiry", c.Code, step.ToString(System.Globalization.CultureInfo.InvariantCulture),
                localizer["Your certificate for {0} expires on {1}", c.CourseTitle, date],
                Paragraph(localizer["Hello {0},", c.FullName]) +
                Paragraph(localizer["your certificate for {0} expires on {1}. Pass the course's final assessment again to renew it.", c.CourseTitle, date]) +
                LinkParagraph(localizer["Open the course"], $"/courses/{slug}")));
        }
        return list;
    }

    private async Task<List<Due>> InactivityAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.InactivityDays);
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.Course.IsPublished && (e.LastVisitedAt ?? e.EnrolledAt) < cutoff)
            .Where(e => !db.CourseCompletions.Any(c => c.UserId == e.UserId && c.CourseId == e.CourseId))
            .Where(e => e.User.RemindInactivity)
            .Select(e => new { e.UserId, e.User.Email, e.User.FullName, e.User.TimeZoneId, e.Course.Slug, e.Course.Title, Since = e.LastVisitedAt ?? e.EnrolledAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Due(r.UserId, r.Email!, r.FullName, r.TimeZoneId, "inactivity", r.Slug,
            // One reminder per quiet spell: coming back and going quiet again starts a new one.
            r.Since.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            localizer["Continue your course {0}", r.Title],
            Paragraph(localizer["Hello {0},", r.FullName]) +
            Paragraph(localizer["you have not opened {0} for a while. Pick up where you left off: a module takes about half an hour.", r.Title]) +
            LinkParagraph(localizer["Continue the course"], $"/courses/{r.Slug}"))).ToList();
    }

    private async Task<List<Due>> UnfinishedAttemptsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddHours(-options.Value.UnfinishedAttemptHours);
        var rows = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.InProgress && a.StartedAt < cutoff && (a.DeadlineAt == null || a.DeadlineAt > now))
            .Join(db.Users.Where(u => u.RemindUnfinishedAttempt), a => a.UserId, u => u.Id, (a, u) => new { a.Id, u.Email, u.FullName, u.TimeZoneId, UserId = u.Id })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Due(r.UserId, r.Email!, r.FullName, r.TimeZoneId, "unfinished-attempt", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "1",
            localizer["You have a quiz to finish"],
            Paragraph(localizer["Hello {0},", r.FullName]) +
            Paragraph(localizer["you started a quiz and have not submitted it yet. Your answers are saved: finish it when you are ready."]) +
            LinkParagraph(localizer["Finish the quiz"], $"/attempts/{r.Id}"))).ToList();
    }

    private bool InWorkingHours(Due reminder)
    {
        var zone = Zone(reminder.TimeZoneId) ?? Zone(options.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        var hour = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).Hour;
        return hour >= options.Value.SendFromHour && hour < options.Value.SendUntilHour;
    }

    private static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }

    private string Footer(string userId) =>
        $"<p>{WebUtility.HtmlEncode(localizer["You receive this reminder from Training."])} " +
        Link(localizer["Choose which reminders you receive"], "/reminders/preferences?token=" + WebUtility.UrlEncode(protection.CreateProtector(PreferencesPurpose).Protect(userId))) + "</p>";

    private string LinkParagraph(string text, string path) => $"<p>{Link(text, path)}</p>";

    private string Link(string text, string path)
    {
        var baseUrl = string.IsNullOrEmpty(site.Value.BaseUrl) ? "http://localhost:5080" : site.Value.BaseUrl.TrimEnd('/');
        return $"<a href=\"{WebUtility.HtmlEncode(baseUrl + path)}\">{WebUtility.HtmlEncode(text)}</a>";
    }

    /// <summary>Text (with names and titles in it) encoded into a paragraph.</summary>
    private static string Paragraph(string text) => $"<p>{WebUtility.HtmlEncode(text)}</p>";
}
