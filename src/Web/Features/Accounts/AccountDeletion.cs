using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Accounts;

public enum AccountDeletionOutcome
{
    Deleted,
    WrongPassword,
    LockedOut,
    LastAdmin,
    StillReferenced,
}

/// <summary>
/// A person deletes their own account (Manage/DeletePersonalData). The password is checked as at log-in, so
/// wrong ones count towards lockout and a stolen session cannot guess for ever. Every outcome is audited;
/// the deletion's entry commits with the deletion, in the same SaveChanges.
/// </summary>
public sealed class AccountDeletion(
    TrainingDbContext db,
    UserManager<TrainingUser> userManager,
    SignInManager<TrainingUser> signInManager,
    AuditLog auditLog)
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
        if (await userManager.IsInRoleAsync(user, Roles.Admin) && (await userManager.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            auditLog.Record(actor, AuditActions.AccountDeletionRefused, SignInAudit.TargetType, user.Id, "the only admin");
            await db.SaveChangesAsync(cancellationToken);
            return AccountDeletionOutcome.LastAdmin;
        }

        auditLog.Record(actor, AuditActions.AccountDeleted, SignInAudit.TargetType, user.Id, $"by the person themselves ({user.FullName})");
        try
        {
            var result = await userManager.DeleteAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The account could not be deleted: " + string.Join(" ", result.Errors.Select(e => e.Code)));
            }
            return AccountDeletionOutcome.Deleted;
        }
        catch (DbUpdateException)
        {
            // A row that keeps the account (a certificate this person revoked) refused the delete: nothing was
            // saved. Forget the pending deletes (the user, the role rows Identity tracked) and the entry with them.
            db.ChangeTracker.Clear();
            auditLog.Record(actor, AuditActions.AccountDeletionRefused, SignInAudit.TargetType, user.Id, "other records name the account");
            await db.SaveChangesAsync(cancellationToken);
            return AccountDeletionOutcome.StillReferenced;
        }
    }
}
