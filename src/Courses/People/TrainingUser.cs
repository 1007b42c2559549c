using Microsoft.AspNetCore.Identity;

namespace Training.Courses.People;

/// <summary>
/// A person with an account: learner, trainer, coordinator or admin (roles say which).
/// Lives in Courses because enrolment, progress and certificates all refer to it.
/// </summary>
public class TrainingUser : IdentityUser
{
    /// <summary>The name as the person wants it on certificates, in any script.</summary>
    public string FullName { get; set; } = "";

    /// <summary>UTC time the account was created.</summary>
    public DateTime CreatedAt { get; set; }
}
