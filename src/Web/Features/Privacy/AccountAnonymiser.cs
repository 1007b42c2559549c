using Microsoft.EntityFrameworkCore;
using Training.Assessment.Certificates;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;

namespace Training.Web.Features.Privacy;

public enum AnonymisationOutcome
{
    Anonymised,
    NotFound,
    LastAdmin,
}

/// <summary>
/// Deleting an account, whoever asks (the person, an admin, the retention job), empties it instead of removing
/// it: the user row stays under its id with no name, address, login, password or second factor, so attempts,
/// progress, completions and assignments keep counting in statistics and no foreign key (a certificate the person
/// revoked as a coordinator, an invitation they sent) blocks anything. Their own certificates are revoked as
/// withdrawn, without the name, so the verification page answers "withdrawn" and never "no such certificate".
/// Rights (roles, coordinated units, courses they train), invitations, reminder records and mail waiting in the
/// outbox for them are removed. Audit entries stay as written: they are append-only.
/// Everything, with its audit entries, commits in one transaction.
/// </summary>
public sealed class AccountAnonymiser(TrainingDbContext db, AuditLog auditLog, TimeProvider clock)
{
    public async Task<AnonymisationOutcome> AnonymiseAsync(Actor actor, string userId, string detail, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.AnonymisedAt == null, cancellationToken);
        if (user is null)
        {
            return AnonymisationOutcome.NotFound;
        }
        if (await IsLastAdminAsync(userId, cancellationToken))
        {
            auditLog.Record(actor, AuditActions.AccountDeletionRefused, SignInAudit.TargetType, userId, "the only admin");
            await db.SaveChangesAsync(cancellationToken);
            return AnonymisationOutcome.LastAdmin;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var email = user.Email;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claimed first, so two deletions of the same account at once (the person and the retention job)
        // anonymise it once: the second finds nothing to claim.
        var claimed = await db.Users.Where(u => u.Id == userId && u.AnonymisedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AnonymisedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return AnonymisationOutcome.NotFound;
        }

        var withdrawn = await db.Certificates.Where(c => c.UserId == userId && c.RevokedAt == null).Select(c => c.Code).ToListAsync(cancellationToken);
        await db.Certificates.Where(c => c.UserId == userId && c.RevokedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.RevokedAt, now)
            .SetProperty(c => c.RevokedByUserId, actor.UserId)
            .SetProperty(c => c.RevocationReason, Certificate.WithdrawnReason), cancellationToken);
        await db.Certificates.Where(c => c.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LearnerName, ""), cancellationToken);
        foreach (var code in withdrawn)
        {
            auditLog.Record(actor, AuditActions.CertificateRevoked, "certificate", code, Certificate.WithdrawnReason);
        }

        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // Authenticator key and recovery codes.
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var coordinated = await db.UnitCoordinators.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var trained = await db.CourseTrainers.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ReminderOptOuts.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Reminders.ReminderLog>().Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // The site addresses mail to the account's address exactly as stored.
        var mails = email is null ? 0
            : await db.Set<OutboxMessage>().Where(m => m.To == email).ExecuteDeleteAsync(cancellationToken);

        Empty(user, now);
        auditLog.Record(actor, AuditActions.AccountDeleted, SignInAudit.TargetType, userId,
            $"{detail}; anonymised: {withdrawn.Count} certificate(s) withdrawn, {coordinated} coordinated unit(s) and {trained} course(s) as trainer removed, {mails} mail(s) deleted");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AnonymisationOutcome.Anonymised;
    }

    private async Task<bool> IsLastAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var admins = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin));
        return await admins.AnyAsync(ur => ur.UserId == userId, cancellationToken) && await admins.CountAsync(cancellationToken) <= 1;
    }

    /// <summary>
    /// What stays: the id, the creation date and the current unit (counts per unit stay right). A user name is
    /// required and unique, so it becomes one made from the id; a new security stamp ends every session at its
    /// next validation, and with no password, address or login nobody can sign in as the account again.
    /// </summary>
    private static void Empty(TrainingUser user, DateTime now)
    {
        user.UserName = $"deleted-{user.Id}";
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        user.FullName = string.Empty;
        user.JobTitle = null;
        user.TimeZoneId = null;
        user.Language = null;
        user.LastSignInAt = null;
        user.InactivityWarnedAt = null;
        user.AnonymisedAt = now;
    }
}
