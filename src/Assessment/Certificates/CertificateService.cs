using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Training.Assessment.Certificates;

public sealed record CertificateSummary(string Code, string CourseTitle, DateTime CompletedAt, DateTime? ExpiresAt, CertificateState State);

/// <param name="Withdrawn">Revoked because the holder's account was deleted: the name is gone, the certificate stays answerable.</param>
public sealed record VerificationResult(string Code, CertificateState State, string LearnerName, string CourseTitle, string CourseVersion, DateTime CompletedAt, DateTime? ExpiresAt, DateTime? RevokedAt, bool Withdrawn);

/// <summary>Certificates for their holders and the public verification page.</summary>
public sealed class CertificateService(IAssessmentDbContext db, CertificateSigner signer, CertificatePdf pdf, IOptions<CertificateOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<CertificateSummary>> ForLearnerAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.IssuedAt)
            .Select(c => new { c.Code, c.CourseTitle, c.CompletedAt, c.ExpiresAt, c.RevokedAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new CertificateSummary(r.Code, r.CourseTitle, r.CompletedAt, r.ExpiresAt, StateOf(r.RevokedAt, r.ExpiresAt))).ToList();
    }

    public async Task<VerificationResult?> VerifyAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var c = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(x => x.Code == normalised, cancellationToken);
        return c is null ? null : new VerificationResult(c.Code, StateOf(c.RevokedAt, c.ExpiresAt), c.LearnerName, c.CourseTitle, c.CourseVersion, c.CompletedAt, c.ExpiresAt, c.RevokedAt,
            c.RevokedAt != null && c.RevocationReason == Certificate.WithdrawnReason);
    }

    /// <summary>The PDF of a certificate, for its holder only: null for anyone else, as for a wrong code.</summary>
    public async Task<byte[]?> PdfAsync(string userId, string code, string verificationUrl, CertificateLabels labels, CancellationToken cancellationToken)
    {
        var c = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code && x.UserId == userId, cancellationToken);
        if (c is null)
        {
            return null;
        }
        var payload = signer.Sign(new CertificateClaims(c.Code, c.LearnerName, c.CourseTitle, DateOnly.FromDateTime(c.CompletedAt),
            c.ExpiresAt is { } expires ? DateOnly.FromDateTime(expires) : null));
        // The fragment never reaches the server: online the code opens the page; offline the signed
        // payload after '#' can be checked with the public key.
        return pdf.Render(new CertificateDocument(c.LearnerName, c.CourseTitle, c.CourseVersion, c.CompletedAt, c.ExpiresAt,
            options.Value.IssuerName, c.Code, $"{verificationUrl}#{payload}", labels));
    }

    private CertificateState StateOf(DateTime? revokedAt, DateTime? expiresAt) =>
        revokedAt is not null ? CertificateState.Revoked
        : expiresAt is { } expires && expires < clock.GetUtcNow().UtcDateTime ? CertificateState.Expired
        : CertificateState.Valid;
}
