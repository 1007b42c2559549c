using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Courses.Audit;

namespace Training.Courses.People;

/// <summary>
/// Invitations: a single-use link for a person without a password to choose one. The token (32 random
/// bytes) goes only into the mail; the database keeps its SHA-256. A new invitation replaces older ones.
/// </summary>
public sealed class InvitationService(
    ICoursesDbContext db, AuditLog audit, IInvitationMail mail, UserManager<TrainingUser> users,
    IOptions<PeopleOptions> options, TimeProvider clock)
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Adds an invitation, its mail and audit entry for someone with no open invitation. Saved by the caller.</summary>
    public Invitation Issue(TrainingUser person, Actor actor, DateTime now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            UserId = person.Id,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.InvitationDays),
            CreatedByUserId = actor.UserId,
        };
        db.Invitations.Add(invitation);
        mail.Queue(person, token, invitation.ExpiresAt);
        audit.Record(actor, AuditActions.InvitationSent, "person", person.Id, $"{person.Email}, expires {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        return invitation;
    }

    /// <summary>
    /// Sends a new link to someone who has not chosen a password yet (older links stop working), and saves.
    /// Returns false, changing nothing, when the person already has a password.
    /// </summary>
    public async Task<bool> ResendAsync(TrainingUser person, Actor actor, CancellationToken cancellationToken)
    {
        if (person.PasswordHash is not null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Invitations.Where(i => i.UserId == person.Id && i.AcceptedAt == null && i.ReplacedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var older in open)
        {
            older.ReplacedAt = now;
        }
        Issue(person, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The invitation a link names, and whether it may still be used.</summary>
    public async Task<(InvitationStatus Status, Invitation? Invitation)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return (StatusOf(invitation, clock.GetUtcNow().UtcDateTime), invitation);
    }

    /// <summary>
    /// Sets the password chosen through a link and marks the link used, in one transaction with its audit
    /// entry. The link is claimed first, so two posts of the same link cannot both succeed.
    /// </summary>
    public async Task<(InvitationStatus Status, IdentityResult? Result)> AcceptAsync(
        string token, string password, string? ipAddress, CancellationToken cancellationToken)
    {
        var (status, invitation) = await FindAsync(token, cancellationToken);
        if (status != InvitationStatus.Valid || invitation is null)
        {
            return (status, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.ReplacedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        var person = await users.FindByIdAsync(invitation.UserId);
        if (claimed == 0 || person is null)
        {
            return (InvitationStatus.Used, null);
        }
        var result = await users.AddPasswordAsync(person, password);
        if (!result.Succeeded)
        {
            return (InvitationStatus.Valid, result); // rolled back: the link still works
        }
        var actor = Actor.Scoped(person.Id, person.Email ?? person.Id, ipAddress, isCoordinator: false, []);
        audit.Record(actor, AuditActions.InvitationAccepted, "person", person.Id, person.Email ?? "");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (InvitationStatus.Valid, result);
    }

    /// <summary>
    /// Sends a new link when the address belongs to someone invited who has no password yet; otherwise
    /// does nothing. The caller answers the same either way.
    /// </summary>
    public async Task RenewAsync(string email, Actor actor, CancellationToken cancellationToken)
    {
        var person = await users.FindByEmailAsync(email);
        if (person is not null && person.PasswordHash is null
            && await db.Invitations.AnyAsync(i => i.UserId == person.Id, cancellationToken))
        {
            await ResendAsync(person, actor, cancellationToken);
        }
    }

    private static InvitationStatus StatusOf(Invitation? invitation, DateTime now) => invitation switch
    {
        null => InvitationStatus.Unknown,
        { AcceptedAt: not null } => InvitationStatus.Used,
        { ReplacedAt: not null } => InvitationStatus.Replaced,
        _ when invitation.ExpiresAt <= now => InvitationStatus.Expired,
        _ => InvitationStatus.Valid,
    };
}
