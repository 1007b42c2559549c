using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Scheduling;

namespace Training.Web.Features.Mail;

public sealed record OutboxRow(string To, string Subject, DateTime CreatedAt, int AttemptCount, DateTime? SentAt, DateTime NextAttemptAt, string? LastError);

public sealed record OutboxViewModel(int Pending, int Failing, int Sent, IReadOnlyList<OutboxRow> Latest, IReadOnlyList<ScheduleRow> Schedules);

/// <summary>Admins see the mail outbox (what waits, what keeps failing and why, what went out) and the schedules that fill and empty it.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class MailController(TrainingDbContext db, Schedules schedules) : Controller
{
    [HttpGet("/admin/mail")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>().AsNoTracking();
        var latest = await outbox.OrderByDescending(m => m.Id).Take(100)
            .Select(m => new OutboxRow(m.To, m.Subject, m.CreatedAt, m.AttemptCount, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
        return View(new OutboxViewModel(
            await outbox.CountAsync(m => m.SentAt == null && m.AttemptCount == 0, cancellationToken),
            await outbox.CountAsync(m => m.SentAt == null && m.AttemptCount > 0, cancellationToken),
            await outbox.CountAsync(m => m.SentAt != null, cancellationToken),
            latest,
            await schedules.ListAsync(cancellationToken)));
    }
}
