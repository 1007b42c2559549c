using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Reminders;

/// <summary>One optional reminder as the preferences pages show it.</summary>
public sealed record ReminderChoice(string Kind, string Name, string Description, bool Receives);

/// <summary>
/// Which optional reminders a person receives, for the settings page and the one-click preferences page.
/// The optional kinds are the registered rules that say so; a rule that is not optional is never listed
/// and cannot be switched off.
/// </summary>
public sealed class ReminderPreferences(TrainingDbContext db, IEnumerable<IReminderRule> rules, TimeProvider clock)
{
    private IEnumerable<IReminderRule> OptionalRules => rules.Where(r => r.Optional);

    public async Task<IReadOnlyList<ReminderChoice>> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var optedOut = await db.ReminderOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(cancellationToken);
        return OptionalRules.Select(r => new ReminderChoice(r.Kind, r.Name, r.Description, !optedOut.Contains(r.Kind))).ToList();
    }

    /// <summary>Whether every kind is one the pages offer; anything else is refused, not stored.</summary>
    public bool Offers(IEnumerable<string> kinds) => kinds.All(k => OptionalRules.Any(r => r.Kind == k));

    /// <summary>
    /// The person receives the optional kinds in <paramref name="receive"/> and none of the others. An
    /// existing opt-out keeps its date. Call <see cref="Offers"/> first.
    /// </summary>
    public async Task SaveAsync(string userId, IReadOnlyCollection<string> receive, CancellationToken cancellationToken)
    {
        if (!Offers(receive))
        {
            throw new ArgumentException("Only the optional reminders can be chosen.", nameof(receive));
        }
        var switchOff = OptionalRules.Select(r => r.Kind).Except(receive).ToList();
        var existing = await db.ReminderOptOuts.Where(o => o.UserId == userId).ToListAsync(cancellationToken);
        db.ReminderOptOuts.RemoveRange(existing.Where(o => !switchOff.Contains(o.Kind)));
        var now = clock.GetUtcNow().UtcDateTime;
        db.ReminderOptOuts.AddRange(switchOff.Where(k => !existing.Any(o => o.Kind == k))
            .Select(k => new ReminderOptOut { UserId = userId, Kind = k, Since = now }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
