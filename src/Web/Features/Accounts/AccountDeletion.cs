using Microsoft.AspNetCore.Identity;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Privacy;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Accounts;

public enum AccountDeletionOutcome
{
    Deleted,
    WrongPassword,
    LockedOut,
    LastAdmin,
}

/// <summary>
/// A person deletes their own account (Manage/DeletePersonalData). The password is checked as at log-in, so
/// wrong ones count towards lockout and a stolen session cannot guess for ever. Deleting anonymises
/// (<see cref="AccountAnonymiser"/>). Every outcome is audited; the deletion's entries commit with it.
/// </summary>
public sealed class AccountDeletion(
    TrainingDbContext db,
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    AuditLog auditLog,
    AccountAnonymiser anonymiser)
{
    public async Task<AccountDeletionOutcome> DeleteAsync(TrainingUser user, string password, string? ipAddress, CancellationToken cancellationToken)
    {
        var actor = Actor.Scoped(user.Id, user.Email ?? user.Id, ipAddress, isCoordinator: false, []);
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            var locked = check.IsLockedOut;
            auditLog.Record(actor, AuditActions.AccountDeletionRefused, SignInAudit.TargetType, user.Id, locked
                ? "account locked out"
                : $"wrong password ({user.AccessFailedCount} of {userManager.Options.Lockout.MaxFailedAccessAttempts} before lockout)");
            await db.SaveChangesAsync(cancellationToken);
            return locked ? AccountDeletionOutcome.LockedOut : AccountDeletionOutcome.WrongPassword;
        }
        return await anonymiser.AnonymiseAsync(actor, user.Id, "by the person themselves", cancellationToken) switch
        {
            AnonymisationOutcome.LastAdmin => AccountDeletionOutcome.LastAdmin,
            _ => AccountDeletionOutcome.Deleted,
        };
    }
}
