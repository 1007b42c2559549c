using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Reminders;

/// <summary>
/// Queues the reminders a rule finds due, each once, with its log row, in one transaction: the unique
/// log row is what makes a second run (or a second instance) send nothing new. Rules only return what is
/// still open, so a reminder stops when the learner finishes; sending waits for the person's working hours.
/// </summary>
public sealed class ReminderService(
    TrainingDbContext db, IEnumerable<IReminderRule> rules, MailTemplates templates, IOptions<ReminderOptions> options, SiteUrls urls,
    IDataProtectionProvider protection, OutboxSignal signal, TimeProvider clock, ILogger<ReminderService> logger)
{
    public const string PreferencesPurpose = "Training.Reminders.Preferences";

    public IEnumerable<string> Kinds => rules.Select(r => r.Kind);

    /// <summary>Every kind of reminder, as if each job ran now.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var rule in rules)
        {
            queued += await QueueDueAsync(rule.Kind, cancellationToken);
        }
        return queued;
    }

    /// <returns>How many reminders were queued.</returns>
    public async Task<int> QueueDueAsync(string kind, CancellationToken cancellationToken)
    {
        var rule = rules.SingleOrDefault(r => r.Kind == kind)
            ?? throw new InvalidOperationException($"Reminders:Schedules:{kind} names no reminder; the reminders are {string.Join(", ", Kinds)}.");
        var template = options.Value.Schedules.TryGetValue(kind, out var schedule) && !string.IsNullOrWhiteSpace(schedule.Template) ? schedule.Template : kind;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await rule.FindDueAsync(now, cancellationToken);
        var userIds = due.Select(d => d.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.FullName, u.TimeZoneId, u.Language })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        // The learner's opt-outs apply to optional reminders only: assigned training is required, so its
        // reminders go out whatever the person chose.
        var optedOut = rule.Optional
            ? await db.ReminderOptOuts.AsNoTracking().Where(o => o.Kind == kind && userIds.Contains(o.UserId)).Select(o => o.UserId).ToHashSetAsync(cancellationToken)
            : [];

        var queued = 0;
        foreach (var reminder in due)
        {
            var person = people[reminder.UserId];
            if (string.IsNullOrEmpty(person.Email) || optedOut.Contains(person.Id) || !InWorkingHours(person.TimeZoneId)
                || await db.Set<ReminderLog>().AnyAsync(l => l.UserId == reminder.UserId && l.Kind == kind && l.ItemKey == reminder.ItemKey && l.Step == reminder.Step, cancellationToken))
            {
                continue;
            }
            var values = new Dictionary<string, object>(reminder.Values.Select(v => KeyValuePair.Create(v.Key, Absolute(v))))
            {
                ["Name"] = person.FullName,
                ["PreferencesLink"] = Url("/reminders/preferences?token=" + Uri.EscapeDataString(protection.CreateProtector(PreferencesPurpose).Protect(person.Id))),
            };
            var mail = templates.Render(template, person.Language, values);
            var footer = templates.Render("reminder-footer", person.Language, values);
            db.Set<ReminderLog>().Add(new ReminderLog { UserId = reminder.UserId, Kind = kind, ItemKey = reminder.ItemKey, Step = reminder.Step, QueuedAt = now });
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                MessageId = $"{Guid.NewGuid():N}@training",
                To = person.Email,
                Subject = mail.Subject,
                HtmlBody = mail.HtmlBody + footer.HtmlBody,
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
            logger.LogInformation("Queued {Count} {Kind} reminders.", queued, kind);
            signal.Wake();
        }
        return queued;
    }

    private bool InWorkingHours(string? timeZoneId)
    {
        var zone = Zone(timeZoneId) ?? Zone(options.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;
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

    private object Absolute(KeyValuePair<string, object> value) =>
        value.Key.EndsWith("Link", StringComparison.Ordinal) && value.Value is string path ? Url(path) : value.Value;

    private string Url(string path) => urls.Absolute(path);
}
