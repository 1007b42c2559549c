using System.ComponentModel.DataAnnotations;

namespace Training.Courses.People;

/// <summary>The <c>People</c> section.</summary>
public sealed class PeopleOptions
{
    public const string Section = "People";

    /// <summary>How long an invitation link works.</summary>
    [Range(1, 90, ErrorMessage = "People:InvitationDays must be between 1 and 90.")]
    public int InvitationDays { get; set; } = 7;
}
