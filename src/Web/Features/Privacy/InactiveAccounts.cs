using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Privacy;

/// <summary>
/// Retention: an account without a log-in for Privacy:InactiveMonths (counted from its creation when it never
/// logged in) is warned by mail; if nobody logs in within a month of the warning, it is anonymised like a
/// deletion. A log-in clears the warning (<see cref="SignInAudit"/>). The site's only admin is never touched.
/// </summary>
public sealed class InactiveAccounts(
    TrainingDbContext db,
    AccountAnonymiser anonymiser,
    OutboxEmailSender outbox,
    OutboxSignal signal,
    MailTemplates templates,
    SiteUrls urls,
    AuditLog auditLog,
    IOptions<PrivacyOptions> options,
    TimeProvider clock)
{
    public const string Template = "account-inactive";

    public static Actor Job { get; } = Actor.Everything(null, "retention job (Privacy:InactiveMonths)", null, isAdmin: true);

    public async Task<(int Warned, int Anonymised)> RunAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.InactiveMonths;
        if (months <= 0)
        {
            return (0, 0);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var spared = await OnlyAdminAsync(cancellationToken);
        var anonymised = await AnonymiseWarnedAsync(now, months, spared, cancellationToken);
        var warned = await WarnAsync(now, now.AddMonths(-months), spared, cancellationToken);
        return (warned, anonymised);
    }

    private async Task<int> AnonymiseWarnedAsync(DateTime now, int months, string? spared, CancellationToken cancellationToken)
    {
        var graceEnded = now.AddMonths(-1);
        var due = await db.Users.AsNoTracking()
            .Where(u => u.AnonymisedAt == null && u.InactivityWarnedAt != null && u.InactivityWarnedAt <= graceEnded && u.Id != spared)
            .Select(u => new { u.Id, LastActive = u.LastSignInAt ?? u.CreatedAt }).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var user in due)
        {
            var detail = $"by the retention job: no log-in since {user.LastActive:yyyy-MM-dd} (Privacy:InactiveMonths = {months}), warned a month before";
            if (await anonymiser.AnonymiseAsync(Job, user.Id, detail, cancellationToken) == AnonymisationOutcome.Anonymised)
            {
                count++;
            }
            db.ChangeTracker.Clear();
        }
        return count;
    }

    private async Task<int> WarnAsync(DateTime now, DateTime cutoff, string? spared, CancellationToken cancellationToken)
    {
        var idle = await db.Users.AsNoTracking()
            .Where(u => u.AnonymisedAt == null && u.InactivityWarnedAt == null && u.Email != null && (u.LastSignInAt ?? u.CreatedAt) < cutoff && u.Id != spared)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Email, u.FullName, u.Language, LastActive = u.LastSignInAt ?? u.CreatedAt })
            .ToListAsync(cancellationToken);
        var logIn = urls.Absolute("/Identity/Account/Login");
        var anonymiseOn = now.AddMonths(1);
        var warned = 0;
        foreach (var user in idle)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claimed with a conditional update, so a second run at the same moment (another instance, a
            // manual run) cannot warn the same person twice.
            var claimed = await db.Users.Where(u => u.Id == user.Id && u.InactivityWarnedAt == null && u.AnonymisedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.InactivityWarnedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            var mail = templates.Render(Template, user.Language, new Dictionary<string, object>
            {
                ["Name"] = user.FullName,
                ["LastActive"] = user.LastActive,
                ["DeletionDate"] = anonymiseOn,
                ["LoginLink"] = logIn,
            });
            outbox.Enqueue(user.Email!, mail.Subject, mail.HtmlBody);
            auditLog.Record(Job, AuditActions.InactivityWarningSent, SignInAudit.TargetType, user.Id, $"to be anonymised from {anonymiseOn:yyyy-MM-dd} unless the person logs in");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            warned++;
        }
        if (warned > 0)
        {
            signal.Wake();
        }
        return warned;
    }

    private async Task<string?> OnlyAdminAsync(CancellationToken cancellationToken)
    {
        var admins = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)).Select(ur => ur.UserId).Take(2).ToListAsync(cancellationToken);
        return admins.Count == 1 ? admins[0] : null;
    }
}
