using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Progress;

namespace Training.Assessment.Certificates;

/// <summary>Issues the certificate for a course completion, in the completion's own transaction.</summary>
public sealed class CertificateIssuer(IAssessmentDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CertificateOptions> options) : ICourseCompletionListener
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
            })
            .SingleAsync(cancellationToken);
        var expires = facts.CertificateValidityMonths > 0 ? completion.CompletedAt.AddMonths(facts.CertificateValidityMonths) : (DateTime?)null;
        completion.RenewableFrom = expires?.AddDays(-options.Value.RecertificationWindowDays);
        completion.ExpiresAt = expires;
        db.Certificates.Add(new Certificate
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
        });
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
