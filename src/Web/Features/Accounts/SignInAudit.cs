using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Accounts;

/// <summary>
/// Records each log-in attempt (password, then the two-factor step if any) in the audit log: who tried, from where, and how it ended.
/// SignInManager has already saved its own counters, so the entry is saved on its own. A success also stamps
/// <see cref="TrainingUser.LastSignInAt"/> (and withdraws a retention warning) in the same save.
/// </summary>
public sealed class SignInAudit(TrainingDbContext db, UserManager<TrainingUser> userManager, AuditLog auditLog, TimeProvider clock, IHttpContextAccessor http)
{
    public const string TargetType = "person";

    public async Task RecordAsync(string typedEmail, SignInResult result, string? ipAddress, CancellationToken cancellationToken)
    {
        // The log-in page signs in by user name, which is the e-mail address.
        var user = await userManager.FindByNameAsync(typedEmail);
        if (user is null)
        {
            // No account: the typed address is the only trace of what was tried. The visitor sees the same
            // message as for a wrong password.
            var typed = typedEmail.Trim();
            auditLog.Record(Actor.Anonymous(ipAddress), AuditActions.SignInFailed, TargetType, typed.Length <= 256 ? typed : typed[..256], "no account with this address");
        }
        else if (result.RequiresTwoFactor)
        {
            // Not signed in yet: LoginWith2fa or LoginWithRecoveryCode finishes the log-in and records it
            // (RecordSecondStepAsync).
            return;
        }
        else if (result.Succeeded)
        {
            // The person proved who they are; only their identity goes into the entry, so no roles are resolved.
            var actor = Actor.Scoped(user.Id, user.Email ?? typedEmail, ipAddress, isCoordinator: false, []);
            auditLog.Record(actor, AuditActions.SignInSucceeded, TargetType, user.Id, "password");
            MarkActive(user);
        }
        else
        {
            var (action, detail) = result switch
            {
                { IsLockedOut: true } => (AuditActions.SignInLockedOut, $"locked until {await LockoutEndAsync(user)}"),
                { IsNotAllowed: true } => (AuditActions.SignInFailed, "e-mail address not confirmed"),
                _ => (AuditActions.SignInFailed, $"wrong password ({user.AccessFailedCount} of {userManager.Options.Lockout.MaxFailedAccessAttempts} before lockout)"),
            };
            auditLog.Record(Actor.Anonymous(ipAddress), action, TargetType, user.Id, detail);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The second step of a log-in with two-factor authentication.</summary>
    /// <param name="method">What the person typed, as the entry words it: "authenticator code", "recovery code".</param>
    public async Task RecordSecondStepAsync(TrainingUser user, SignInResult result, string method, string? ipAddress, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            var actor = Actor.Scoped(user.Id, user.Email ?? user.Id, ipAddress, isCoordinator: false, []);
            auditLog.Record(actor, AuditActions.SignInSucceeded, TargetType, user.Id, $"two-factor: {await FirstStepAsync()} and {method}");
            MarkActive(user);
        }
        else if (result.IsLockedOut)
        {
            auditLog.Record(Actor.Anonymous(ipAddress), AuditActions.SignInLockedOut, TargetType, user.Id, $"two-factor: locked until {await LockoutEndAsync(user)}");
        }
        else
        {
            auditLog.Record(Actor.Anonymous(ipAddress), AuditActions.SignInFailed, TargetType, user.Id,
                $"two-factor: wrong {method} ({user.AccessFailedCount} of {userManager.Options.Lockout.MaxFailedAccessAttempts} before lockout)");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void MarkActive(TrainingUser user) => MarkActive(user, clock.GetUtcNow().UtcDateTime);

    /// <summary>A successful log-in, by any route: what the retention job reads as the last activity.</summary>
    public static void MarkActive(TrainingUser user, DateTime now)
    {
        user.LastSignInAt = now;
        user.InactivityWarnedAt = null;
    }

    /// <summary>
    /// What the first step was: Identity's two-factor cookie names the external scheme when a provider, not a
    /// password, started the log-in (single sign-on).
    /// </summary>
    private async Task<string> FirstStepAsync()
    {
        if (http.HttpContext is not { } context)
        {
            return "password";
        }
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Principal?.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod) is null ? "password" : "single sign-on";
    }

    private async Task<string> LockoutEndAsync(TrainingUser user) =>
        await userManager.GetLockoutEndDateAsync(user) is { } end ? end.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "unknown";
}
