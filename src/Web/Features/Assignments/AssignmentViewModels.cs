using Training.Courses.Assignments;
using Training.Courses.Catalog;
using Training.Courses.Organisations;

namespace Training.Web.Features.Assignments;

/// <summary>What the assignment form posts (and shows again when refused).</summary>
public sealed class AssignmentForm
{
    public int CourseId { get; set; }

    /// <summary>"unit" or "people".</summary>
    public string Target { get; set; } = "unit";

    public int? UnitId { get; set; }

    public string? Emails { get; set; }

    /// <summary>"fixed" or "relative".</summary>
    public string DueKind { get; set; } = "relative";

    public string? DueOn { get; set; }

    public int? DueDays { get; set; } = 30;
}

public sealed record AssignmentFormViewModel(AssignmentForm Form, IReadOnlyList<CourseChoice> Courses, IReadOnlyList<UnitChoice> Units, string? Error);

public sealed record AssignmentPageViewModel(AssignmentDetail Detail, string? Error);
