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
}
