using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Progress;

namespace Training.Assessment.Certificates;

/// <summary>Issues the certificate for a course completion, and audits it, in the completion's own transaction.</summary>
public sealed class CertificateIssuer(IAssessmentDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CertificateOptions> options, Courses.Audit.AuditLog audit) : ICourseCompletionListener
{
    public async Task OnCourseCompletedAsync(CourseCompletion completion, CancellationToken cancellationToken)
    {
        if (await db.Certificates.AnyAsync(c => c.CourseCompletionId == completion.Id, cancellationToken))
        {
            return;
        }
        var facts = await db.Courses.Where(c => c.Id == completion.CourseId)
            .Select(c => new
            {
                c.Title, c.CertificateValidityMonths, c.ImportedAt, c.ContentHash, c.MajorVersion,
                LearnerName = db.Users.Where(u => u.Id == completion.UserId).Select(u => u.FullName).Single(),
                LearnerEmail = db.Users.Where(u => u.Id == completion.UserId).Select(u => u.Email).Single(),
            })
            .SingleAsync(cancellationToken);
        var expires = facts.CertificateValidityMonths > 0 ? completion.CompletedAt.AddMonths(facts.CertificateValidityMonths) : (DateTime?)null;
        completion.RenewableFrom = expires?.AddDays(-options.Value.RecertificationWindowDays);
        completion.ExpiresAt = expires;
        var certificate = new Certificate
        {
            Code = NewCode(),
            UserId = completion.UserId,
            CourseId = completion.CourseId,
            CourseCompletionId = completion.Id,
            LearnerName = facts.LearnerName,
            CourseTitle = facts.Title,
            CourseVersion = $"{facts.ImportedAt:yyyy-MM-dd} ({facts.ContentHash[..Math.Min(8, facts.ContentHash.Length)]})",
            CourseMajorVersion = facts.MajorVersion,
            CompletedAt = completion.CompletedAt,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expires,
        };
        db.Certificates.Add(certificate);
        // What a certificate says is on record from the start: the learner's completion issued it.
        audit.Record(Courses.People.Actor.Scoped(completion.UserId, facts.LearnerEmail ?? completion.UserId, null, isCoordinator: false, []),
            Courses.Audit.AuditActions.CertificateIssued, "certificate", certificate.Code,
            $"{facts.Title} (major version {facts.MajorVersion}), {facts.LearnerName}, valid until {(expires is { } until ? until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "no expiry")}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>128 random bits in Crockford-style base32 without padding: 26 characters, easy to type.</summary>
    public static string NewCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(17);
        var code = new char[26];
        for (var i = 0; i < code.Length; i++)
        {
            // 5 bits per character from the random bytes.
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | bytes[(bit / 8) + 1]) >> (11 - (bit % 8)) & 31;
            code[i] = alphabet[value];
        }
        return new string(code);
    }
}
