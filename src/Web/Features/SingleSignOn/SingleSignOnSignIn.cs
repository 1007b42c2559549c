using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.SingleSignOn;

public enum SingleSignOnOutcome
{
    SignedIn,
    RequiresTwoFactor,
    LockedOut,
    /// <summary>The provider sent nothing usable (the sign-in was cancelled, expired or had no address).</summary>
    Failed,
    /// <summary>The provider does not vouch for the address (email_verified is not true): nothing is linked.</summary>
    EmailNotVerified,
    /// <summary>Nobody here has the address and SingleSignOn:CreateAccounts is off.</summary>
    NoAccount,
    /// <summary>The account is already linked to another subject at the provider.</summary>
    LinkedToAnother,
    /// <summary>The account exists but may not sign in (Identity refused it).</summary>
    NotAllowed,
}

/// <summary>
/// Ends a log-in through the provider. A person already linked to the provider's subject signs in as that
/// account. Otherwise the account is found by the e-mail address, and only if the provider says it verified
/// that address; the provider's subject is then linked to it (audited) so later log-ins no longer depend on the
/// address. The sign-in itself is Identity's <c>ExternalLoginSignInAsync</c>, so lockout and the two-factor step
/// apply as they do after a password, and the cookie is built from this site's roles and units only.
/// </summary>
public sealed class SingleSignOnSignIn(
    SignInManager<TrainingUser> signInManager,
    UserManager<TrainingUser> userManager,
    TrainingDbContext db,
    AuditLog auditLog,
    IOptions<SingleSignOnOptions> options,
    TimeProvider clock)
{
    public async Task<SingleSignOnOutcome> CompleteAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var provider = options.Value.DisplayName;
        if (await signInManager.GetExternalLoginInfoAsync() is not { } login)
        {
            return SingleSignOnOutcome.Failed;
        }

        var result = await signInManager.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded || result.RequiresTwoFactor || result.IsLockedOut || result.IsNotAllowed)
        {
            var linked = await userManager.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
            return await FinishAsync(http, linked!, result, provider, ip, cancellationToken);
        }

        // Not linked yet: match by address, which the provider must vouch for.
        var claims = SingleSignOnClaims.From(login.Principal);
        if (claims.Email is null)
        {
            await RefuseAsync(http, ip, login.ProviderKey, $"single sign-on ({provider}): the provider sent no e-mail address", cancellationToken);
            return SingleSignOnOutcome.Failed;
        }
        if (!claims.EmailVerified)
        {
            await RefuseAsync(http, ip, claims.Email, $"single sign-on ({provider}): the provider has not verified the e-mail address", cancellationToken);
            return SingleSignOnOutcome.EmailNotVerified;
        }

        var user = await userManager.FindByEmailAsync(claims.Email);
        if (user is null && !options.Value.CreateAccounts)
        {
            await RefuseAsync(http, ip, claims.Email, $"single sign-on ({provider}): no account with this address", cancellationToken);
            return SingleSignOnOutcome.NoAccount;
        }

        if (user is not null && (await userManager.GetLoginsAsync(user)).Any(l => l.LoginProvider == login.LoginProvider))
        {
            // Another identity at the provider already owns this account: an address handed on to someone else
            // must not take it over.
            await RefuseAsync(http, ip, user.Id, $"single sign-on ({provider}): the account is already linked to another identity at the provider", cancellationToken);
            return SingleSignOnOutcome.LinkedToAnother;
        }
        user = await LinkAsync(user, login, claims, provider, ip, cancellationToken);

        result = await signInManager.ExternalLoginSignInAsync(login.LoginProvider, login.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        return await FinishAsync(http, user, result, provider, ip, cancellationToken);
    }

    /// <summary>Links the provider's subject to the account (made first when CreateAccounts allows), audited in the same transaction.</summary>
    private async Task<TrainingUser> LinkAsync(TrainingUser? user, ExternalLoginInfo login, SingleSignOnClaims claims, string provider, string? ip, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (user is null)
        {
            user = await CreateLearnerAsync(claims, provider, ip, cancellationToken);
        }
        else if (!user.EmailConfirmed)
        {
            // The provider verified the mailbox, which is what the confirmation link would prove.
            user.EmailConfirmed = true;
            Check(await userManager.UpdateAsync(user));
        }
        Check(await userManager.AddLoginAsync(user, login));
        auditLog.Record(Actor.Scoped(user.Id, user.Email ?? claims.Email!, ip, isCoordinator: false, []), AuditActions.SingleSignOnLinked, SignInAudit.TargetType, user.Id,
            $"single sign-on ({provider}): linked by verified e-mail address {claims.Email}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    private async Task<TrainingUser> CreateLearnerAsync(SingleSignOnClaims claims, string provider, string? ip, CancellationToken cancellationToken)
    {
        // No password: the person logs in through the provider (or sets one with "Forgot your password?").
        var user = new TrainingUser
        {
            UserName = claims.Email,
            Email = claims.Email,
            EmailConfirmed = true,
            FullName = claims.Name ?? claims.Email!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await userManager.CreateAsync(user));
        Check(await userManager.AddToRoleAsync(user, Roles.Learner));
        auditLog.Record(Actor.Scoped(user.Id, user.Email!, ip, isCoordinator: false, []), AuditActions.PersonCreated, SignInAudit.TargetType, user.Id,
            $"single sign-on ({provider}): learner account created for {claims.Email}");
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    private async Task<SingleSignOnOutcome> FinishAsync(HttpContext http, TrainingUser user, SignInResult result, string provider, string? ip, CancellationToken cancellationToken)
    {
        var actor = Actor.Scoped(user.Id, user.Email ?? user.Id, ip, isCoordinator: false, []);
        SingleSignOnOutcome outcome;
        if (result.Succeeded)
        {
            auditLog.Record(actor, AuditActions.SignInSucceeded, SignInAudit.TargetType, user.Id, $"single sign-on ({provider})");
            SignInAudit.MarkActive(user, clock.GetUtcNow().UtcDateTime);
            outcome = SingleSignOnOutcome.SignedIn;
        }
        else if (result.RequiresTwoFactor)
        {
            // LoginWith2fa finishes the log-in and records it.
            return SingleSignOnOutcome.RequiresTwoFactor;
        }
        else if (result.IsLockedOut)
        {
            auditLog.Record(Actor.Anonymous(ip), AuditActions.SignInLockedOut, SignInAudit.TargetType, user.Id, $"single sign-on ({provider}): the account is locked out");
            outcome = SingleSignOnOutcome.LockedOut;
        }
        else
        {
            auditLog.Record(Actor.Anonymous(ip), AuditActions.SignInFailed, SignInAudit.TargetType, user.Id, $"single sign-on ({provider}): the account may not sign in");
            outcome = SingleSignOnOutcome.NotAllowed;
        }
        if (outcome != SingleSignOnOutcome.SignedIn)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
        }
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task RefuseAsync(HttpContext http, string? ip, string target, string detail, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        auditLog.Record(Actor.Anonymous(ip), AuditActions.SignInFailed, SignInAudit.TargetType, target.Length <= 256 ? target : target[..256], detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
