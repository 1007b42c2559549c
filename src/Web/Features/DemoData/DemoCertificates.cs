using Microsoft.EntityFrameworkCore;
using Training.Assessment.Certificates;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

/// <summary>
/// A certificate for each generated course completion, as <see cref="CertificateIssuer"/> would have issued
/// it (its code from <see cref="CertificateIssuer.NewCode"/>, so codes are random, not seeded); one in 200 revoked.
/// </summary>
internal sealed class DemoCertificates(TrainingDbContext db, DemoRowWriter writer, Random random, DateTime now, string adminId)
{
    private int valid, expiring30, expiring60, expiring90, expired, revoked;

    public IEnumerable<(string, long)> Counts =>
    [
        ("certificates", writer.Counts[typeof(Certificate)]), ("  valid", valid), ("  expiring within 30 days", expiring30),
        ("  expiring within 60 days", expiring60), ("  expiring within 90 days", expiring90), ("  expired", expired), ("  revoked", revoked),
    ];

    public async Task AddAsync(List<DemoCompletion> completions, CancellationToken cancellationToken)
    {
        writer.Declare<Certificate>(nameof(Certificate.Code), nameof(Certificate.UserId), nameof(Certificate.CourseId), nameof(Certificate.CourseCompletionId),
            nameof(Certificate.LearnerName), nameof(Certificate.CourseTitle), nameof(Certificate.CourseVersion), nameof(Certificate.CourseMajorVersion),
            nameof(Certificate.CompletedAt), nameof(Certificate.IssuedAt), nameof(Certificate.ExpiresAt), nameof(Certificate.RevokedAt),
            nameof(Certificate.RevokedByUserId), nameof(Certificate.RevocationReason));
        var courseIds = completions.Select(c => c.Course.Id).Distinct().ToList();
        var ids = (await db.CourseCompletions.AsNoTracking().Where(c => c.Round == 1 && courseIds.Contains(c.CourseId))
                .Select(c => new { c.Id, c.UserId, c.CourseId }).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.UserId, c.CourseId), c => c.Id);
        foreach (var completion in completions)
        {
            var isRevoked = random.Next(200) == 0;
            Count(completion.ExpiresAt, isRevoked);
            await writer.AddAsync<Certificate>(cancellationToken, CertificateIssuer.NewCode(), completion.UserId, completion.Course.Id,
                ids[(completion.UserId, completion.Course.Id)], completion.FullName, completion.Course.Title, completion.Course.Version, 1,
                completion.CompletedAt, completion.CompletedAt, completion.ExpiresAt, isRevoked ? Min(completion.CompletedAt.AddDays(2), now) : null,
                isRevoked ? adminId : null, isRevoked ? "Issued in error (generated)" : null);
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private void Count(DateTime? expires, bool isRevoked)
    {
        if (isRevoked)
        {
            revoked++;
        }
        else if (expires is { } at && at <= now)
        {
            expired++;
        }
        else
        {
            valid++;
            var days = expires is { } on ? (on - now).TotalDays : double.MaxValue;
            expiring30 += days <= 30 ? 1 : 0;
            expiring60 += days <= 60 ? 1 : 0;
            expiring90 += days <= 90 ? 1 : 0;
        }
    }
}
