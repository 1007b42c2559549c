namespace Training.Courses.Audit;

/// <summary>
/// One line of the append-only audit log: when, who, from where, what, to what. Written in the same
/// transaction as the change it records; database triggers refuse any update or delete.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Null for the command line or an anonymous visitor (a failed log-in).</summary>
    public string? ActorUserId { get; set; }

    /// <summary>The actor's e-mail address at the time, or "command line".</summary>
    public string ActorName { get; set; } = "";

    public string? IpAddress { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>"person", "unit", "certificate", "import", "invitation".</summary>
    public string TargetType { get; set; } = "";

    public string? TargetId { get; set; }

    /// <summary>A short human-readable detail: "North → South", "reason: ...".</summary>
    public string Detail { get; set; } = "";
}
