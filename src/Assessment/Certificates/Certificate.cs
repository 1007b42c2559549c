namespace Training.Assessment.Certificates;

/// <summary>
/// Proof that a learner completed a course. What it states is copied in at issue, so a later change of
/// name or course title does not alter a certificate already handed to a supervisor.
/// </summary>
public class Certificate
{
    /// <summary>
    /// The revocation reason of a certificate whose holder deleted their account (or had it anonymised): the
    /// verification page then says "withdrawn" rather than "no such certificate".
    /// </summary>
    public const string WithdrawnReason = "withdrawn: the holder's account was deleted";

    public int Id { get; set; }

    /// <summary>Unguessable verification code: 128 random bits in base32 (26 characters).</summary>
    public string Code { get; set; } = "";

    public string UserId { get; set; } = "";

    public int CourseId { get; set; }

    /// <summary>One certificate per completion: the unique index makes issuing idempotent.</summary>
    public int CourseCompletionId { get; set; }

    public string LearnerName { get; set; } = "";

    public string CourseTitle { get; set; } = "";

    /// <summary>The course version completed: the date its content was imported and a short hash.</summary>
    public string CourseVersion { get; set; } = "";

    /// <summary>The course's major version when completed (course.yml majorVersion).</summary>
    public int CourseMajorVersion { get; set; } = 1;

    public DateTime CompletedAt { get; set; }

    public DateTime IssuedAt { get; set; }

    /// <summary>Null when the course sets no validity.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedByUserId { get; set; }

    public string? RevocationReason { get; set; }
}

public enum CertificateState { Valid, Expired, Revoked }
