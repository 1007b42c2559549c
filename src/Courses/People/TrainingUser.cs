using Microsoft.AspNetCore.Identity;

namespace Training.Courses.People;

/// <summary>
/// A person with an account: learner, trainer, coordinator or admin (roles say which).
/// [PersonalData] marks what the person downloads from their account page.
/// Lives in Courses because enrolment, progress and certificates all refer to it.
/// </summary>
public class TrainingUser : IdentityUser
{
    /// <summary>The name as the person wants it on certificates, in any script.</summary>
    [PersonalData]
    public string FullName { get; set; } = "";

    /// <summary>The unit the person belongs to now (one at a time; history in UnitMembership). Null: none yet.</summary>
    public int? UnitId { get; set; }

    [PersonalData]
    public string? JobTitle { get; set; }

    /// <summary>UTC time the account was created.</summary>
    [PersonalData]
    public DateTime CreatedAt { get; set; }

    /// <summary>IANA time zone (e.g. Asia/Manila): reminders arrive in working hours there. Null: the site's default.</summary>
    [PersonalData]
    public string? TimeZoneId { get; set; }

    /// <summary>Language for e-mails (e.g. "fr"), where a translation exists; null: English.</summary>
    [PersonalData]
    public string? Language { get; set; }

    /// <summary>UTC time of the last successful log-in; the retention job counts inactivity from it (or from CreatedAt).</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>When the retention job warned that the account will be anonymised; a log-in clears it.</summary>
    public DateTime? InactivityWarnedAt { get; set; }

    /// <summary>
    /// When the account was anonymised (deleted by the person, an admin or the retention job). The row stays,
    /// emptied of personal data, so attempts, progress and certificates keep pointing at something.
    /// </summary>
    public DateTime? AnonymisedAt { get; set; }
}
