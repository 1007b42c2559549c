namespace Training.Courses.Progress;

/// <summary>A learner completed a course: every module, and the final assessment when it has one.</summary>
public class CourseCompletion
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int CourseId { get; set; }

    public DateTime CompletedAt { get; set; }

    /// <summary>1 for the first completion of the course, 2 for the first renewal, and so on.</summary>
    public int Round { get; set; } = 1;

    /// <summary>
    /// From this time the learner may complete the course again to renew an expiring certificate (set by
    /// the certificate issuer); null when the completion never needs renewing.
    /// </summary>
    public DateTime? RenewableFrom { get; set; }

    /// <summary>When the certificate for this completion expires (null: it does not); set with the certificate.</summary>
    public DateTime? ExpiresAt { get; set; }
}
