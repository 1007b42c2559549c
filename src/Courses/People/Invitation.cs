namespace Training.Courses.People;

/// <summary>
/// A single-use link for a person created by an import to choose a password. Only the SHA-256 of the
/// token is stored, so a copy of the database cannot be used to take over waiting accounts.
/// </summary>
public class Invitation
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string TokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When the link was used; a used link is refused.</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>When a newer invitation replaced this one.</summary>
    public DateTime? ReplacedAt { get; set; }

    public string? CreatedByUserId { get; set; }
}
