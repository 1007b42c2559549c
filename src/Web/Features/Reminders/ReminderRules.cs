using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Assessment.Attempts;
using Training.Assessment.Certificates;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Reminders;

/// <summary>
/// One kind of reminder: who is due for which step now. Queuing, the once-only log, sending hours,
/// language and the template are the service's; a new reminder (due dates, the coordinators' digest) is
/// one rule, one template and one schedule entry.
/// </summary>
public interface IReminderRule
{
    /// <summary>The reminder's name in configuration, in the template file names and in the log.</summary>
    string Kind { get; }

    /// <summary>
    /// Whether the learner may switch this reminder off. Reminders about assigned (mandatory) training
    /// say false: the organisation requires the training, so the service sends them regardless.
    /// </summary>
    bool Optional { get; }

    /// <summary>The reminder's name on the preferences pages, localised.</summary>
    string Name { get; }

    /// <summary>One line on the preferences pages saying when it is sent, localised.</summary>
    string Description { get; }

    Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken);
}

/// <param name="ItemKey">What the reminder is about (a certificate code, a course slug, an attempt id).</param>
/// <param name="Step">Which of its reminders this is; each (person, kind, item, step) is sent once.</param>
/// <param name="Values">The template's placeholders; a value under a key ending in <c>Link</c> is a path on the site.</param>
public sealed record DueReminder(string UserId, string ItemKey, string Step, IReadOnlyDictionary<string, object> Values);

/// <summary>A certificate that expires within a configured number of days (60, 14 and 0: the day itself).</summary>
public sealed class CertificateExpiryReminder(TrainingDbContext db, IOptions<ReminderOptions> options, IStringLocalizer<SharedResource> localizer) : IReminderRule
{
    public string Kind => "certificate-expiry";

    public bool Optional => true;

    public string Name => localizer["Certificate about to expire"];

    public string Description => localizer["Before a certificate of yours expires, so that you can renew it in time."];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var steps = options.Value.CertificateExpiryDays.OrderBy(d => d).ToList();
        var horizon = now.AddDays(steps.DefaultIfEmpty(0).Max());
        var candidates = await db.Certificates.AsNoTracking()
            .Where(c => c.RevokedAt == null && c.ExpiresAt != null && c.ExpiresAt <= horizon && c.ExpiresAt.Value.AddDays(1) > now)
            // Renewed: a newer certificate for the same course ends the reminders for the old one.
            .NotRenewed(db)
            .Join(db.Courses, c => c.CourseId, course => course.Id, (c, course) => new { c.UserId, c.Code, c.CourseTitle, c.ExpiresAt, course.Slug })
            .ToListAsync(cancellationToken);
        var due = new List<DueReminder>();
        foreach (var c in candidates)
        {
            // Only the most urgent step reached: a reminder that starts late does not send three at once.
            // Whole calendar days, so "0" is the day of expiry itself.
            var daysLeft = (c.ExpiresAt!.Value.Date - now.Date).TotalDays;
            var step = steps.Where(d => daysLeft <= d).DefaultIfEmpty(-1).Min();
            if (step >= 0)
            {
                due.Add(new DueReminder(c.UserId, c.Code, step.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object>
                {
                    ["CourseTitle"] = c.CourseTitle,
                    ["ExpiryDate"] = c.ExpiresAt.Value,
                    ["CourseLink"] = $"/courses/{c.Slug}",
                }));
            }
        }
        return due;
    }
}

/// <summary>An enrolled, unfinished course not opened for N days; once per quiet spell.</summary>
public sealed class InactivityReminder(TrainingDbContext db, IOptions<ReminderOptions> options, IStringLocalizer<SharedResource> localizer) : IReminderRule
{
    public string Kind => "inactivity";

    public bool Optional => true;

    public string Name => localizer["Course not opened for a while"];

    public string Description => localizer["When you have not opened a course you are taking for some time."];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-options.Value.InactivityDays);
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.Course.IsPublished && (e.LastVisitedAt ?? e.EnrolledAt) < cutoff)
            .Where(e => !db.CourseCompletions.Any(c => c.UserId == e.UserId && c.CourseId == e.CourseId))
            .Select(e => new { e.UserId, e.Course.Slug, e.Course.Title, Since = e.LastVisitedAt ?? e.EnrolledAt })
            .ToListAsync(cancellationToken);
        // The step is the start of the quiet spell: coming back and going quiet again earns a new reminder.
        return rows.Select(r => new DueReminder(r.UserId, r.Slug, r.Since.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), new Dictionary<string, object>
        {
            ["CourseTitle"] = r.Title,
            ["LastVisit"] = r.Since,
            ["CourseLink"] = $"/courses/{r.Slug}",
        })).ToList();
    }
}

/// <summary>A quiz attempt started more than N hours ago and not submitted, while it can still be finished.</summary>
public sealed class UnfinishedAttemptReminder(TrainingDbContext db, IOptions<ReminderOptions> options, IStringLocalizer<SharedResource> localizer) : IReminderRule
{
    public string Kind => "unfinished-attempt";

    public bool Optional => true;

    public string Name => localizer["Quiz left unfinished"];

    public string Description => localizer["When you started a quiz and have not submitted it yet."];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddHours(-options.Value.UnfinishedAttemptHours);
        var rows = await db.QuizAttempts.AsNoTracking()
            .Where(AttemptRules.CanStillBeFinished(now))
            .Where(a => a.StartedAt < cutoff)
            .Select(a => new { a.Id, a.UserId, a.QuizVersion.Quiz.Course.Title })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DueReminder(r.UserId, r.Id.ToString(CultureInfo.InvariantCulture), "1", new Dictionary<string, object>
        {
            ["CourseTitle"] = r.Title,
            ["AttemptLink"] = $"/attempts/{r.Id}",
        })).ToList();
    }
}
