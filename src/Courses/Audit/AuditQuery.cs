using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Audit;

/// <summary>What an admin looks for: a person (text), an action, and a range of whole UTC days.</summary>
public sealed record AuditFilter(string? Person, string? Action, DateOnly? From, DateOnly? To);

/// <summary>An entry, with the current e-mail address of the person it names when its target is a person.</summary>
public sealed record AuditRow(AuditEntry Entry, string? TargetEmail);

/// <summary>One page of entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Entries, int Page, bool HasNext);

/// <summary>Reads the audit log for the admin page.</summary>
public sealed class AuditQuery(ICoursesDbContext db)
{
    public const int PageSize = 100;

    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, 1_000_000);
        var entries = Matching(filter);
        // One more than a page tells whether a next page exists without counting the whole log.
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new AuditRow(e, db.Users.Where(u => u.Id == e.TargetId).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    /// <summary>Every entry the filter finds (not one page), newest first, read as they are written out.</summary>
    public IAsyncEnumerable<AuditRow> StreamAsync(AuditFilter filter) =>
        Matching(filter).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e, db.Users.Where(u => u.Id == e.TargetId).Select(u => u.Email).FirstOrDefault()))
            .AsAsyncEnumerable();

    /// <summary>The one reading of the filter, for the page and the export alike.</summary>
    private IQueryable<AuditEntry> Matching(AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var pattern = $"%{filter.Person.Trim()}%";
            // Entries keep user ids; the people's current names and addresses find them too.
            var people = db.Users.Where(u => EF.Functions.Like(u.Email!, pattern) || EF.Functions.Like(u.FullName, pattern)).Select(u => u.Id);
            entries = entries.Where(e => EF.Functions.Like(e.ActorName, pattern)
                || EF.Functions.Like(e.TargetId!, pattern)
                || people.Contains(e.ActorUserId!)
                || people.Contains(e.TargetId!));
        }
        if (filter.Action is { } action && AuditActions.All.Contains(action))
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }
}
