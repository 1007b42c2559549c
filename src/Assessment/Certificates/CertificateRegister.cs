using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.People;

namespace Training.Assessment.Certificates;

public sealed record CertificateRow(string Code, string LearnerName, string CourseTitle, DateTime CompletedAt, DateTime? ExpiresAt, DateTime? RevokedAt, string? RevocationReason, int CertifiedMajorVersion, int CurrentMajorVersion);

public enum RevokeOutcome { Revoked, AlreadyRevoked, NotFound }

/// <summary>
/// Coordinators (their people's certificates) and admins (all) find certificates and revoke them with a
/// reason. A certificate outside the actor's scope is not found, exactly like a wrong code.
/// </summary>
public sealed class CertificateRegister(IAssessmentDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <param name="olderVersionsOnly">Only valid certificates for a course that has since had a major change.</param>
    public async Task<IReadOnlyList<CertificateRow>> FindAsync(Actor actor, string? search, bool olderVersionsOnly, CancellationToken cancellationToken) =>
        await Matching(actor, search, olderVersionsOnly).Take(PageSize).ToListAsync(cancellationToken);

    /// <summary>Every certificate the search finds (not only the first page), newest first, read as they are written out.</summary>
    public IAsyncEnumerable<CertificateRow> StreamAsync(Actor actor, string? search, bool olderVersionsOnly) =>
        Matching(actor, search, olderVersionsOnly).AsAsyncEnumerable();

    private IQueryable<CertificateRow> Matching(Actor actor, string? search, bool olderVersionsOnly)
    {
        var query = db.CertificatesIn(actor).AsNoTracking();
        if (olderVersionsOnly)
        {
            query = query.Where(c => c.RevokedAt == null && db.Courses.Any(course => course.Id == c.CourseId && course.MajorVersion > c.CourseMajorVersion));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(c => c.Code == code || c.LearnerName.Contains(text) || c.CourseTitle.Contains(text));
        }
        return query.OrderByDescending(c => c.IssuedAt).ThenBy(c => c.Id)
            .Select(c => new CertificateRow(c.Code, c.LearnerName, c.CourseTitle, c.CompletedAt, c.ExpiresAt, c.RevokedAt, c.RevocationReason,
                c.CourseMajorVersion, db.Courses.Where(course => course.Id == c.CourseId).Select(course => course.MajorVersion).Single()));
    }

    /// <summary>Revokes the certificate and writes the audit entry in one transaction.</summary>
    public async Task<RevokeOutcome> RevokeAsync(Actor actor, string code, string reason, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var certificate = await db.CertificatesIn(actor).Where(c => c.Code == normalised)
            .Select(c => new { c.Id, c.UserId, c.LearnerName, c.CourseTitle }).SingleOrDefaultAsync(cancellationToken);
        if (certificate is null)
        {
            return RevokeOutcome.NotFound;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A set-based update, so two coordinators revoking at once revoke once; it bypasses the change
        // tracker, hence the explicit audit entry saved in the same transaction.
        var changed = await db.Certificates.Where(c => c.Id == certificate.Id && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.RevokedByUserId, actor.UserId).SetProperty(c => c.RevocationReason, reason), cancellationToken);
        if (changed == 0)
        {
            return RevokeOutcome.AlreadyRevoked;
        }
        audit.Record(actor, AuditActions.CertificateRevoked, "certificate", normalised,
            $"{certificate.LearnerName}, {certificate.CourseTitle}: {reason}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RevokeOutcome.Revoked;
    }
}
