using Training.Courses.Assignments;
using Training.Courses.Catalog;
using Training.Courses.Organisations;

namespace Training.Web.Features.Coordination;

/// <param name="HasPassword">False while an invited person has not chosen a password yet.</param>
/// <param name="State">Their state in the course the list is filtered by, when it is.</param>
public sealed record PersonRow(string Id, string FullName, string Email, string? JobTitle, string? UnitPath, bool HasPassword, int CoursesCompleted, int ValidCertificates, AssignmentStatus? State = null);

/// <summary>The people list's filters, as query string values (the dashboard's figures link with them).</summary>
public sealed record PeopleFilter(string? Q = null, int? Unit = null, int? Course = null, AssignmentState? State = null, int? Expiring = null, string? Sort = null, int Page = 1)
{
    public int PageNumber => Math.Clamp(Page, 1, 100_000);

    /// <summary>Days ahead for the expiry filter, within ten years; anything else means no filter.</summary>
    public int? ExpiringDays => Expiring is >= 1 and <= 3650 ? Expiring : null;

    /// <summary>The query string values, for links that keep the filter (export, sort, pages).</summary>
    public Dictionary<string, string?> Values(int? page = null, string? sort = null) => new()
    {
        ["q"] = Q, ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["course"] = Course?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["state"] = State?.ToString(),
        ["expiring"] = Expiring?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = sort ?? Sort, ["page"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed record PeopleListViewModel(PeopleFilter Filter, IReadOnlyList<UnitChoice> Units, IReadOnlyList<CourseChoice> Courses, IReadOnlyList<PersonRow> People, int Total, int Pages);

public sealed record MembershipRow(string UnitPath, DateTime From, DateTime? Until);

public sealed record CourseProgressRow(string CourseTitle, DateTime EnrolledAt, int ModulesCompleted, int Modules, DateTime? CompletedAt);

public sealed record AttemptRow(string CourseTitle, string? ModuleTitle, int Number, string Status, DateTime StartedAt, DateTime? SubmittedAt, decimal? Score, bool? Passed);

public sealed record PersonCertificateRow(string Code, string CourseTitle, DateTime CompletedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

public sealed record AssignedRow(int AssignmentId, string CourseTitle, DateTime AssignedAt, AssignmentStatus Status, string? ExemptionReason, string? ExtensionReason);

public sealed record PersonViewModel(
    PersonRow Person,
    IReadOnlyList<MembershipRow> History,
    IReadOnlyList<AssignedRow> Assigned,
    IReadOnlyList<CourseProgressRow> Courses,
    IReadOnlyList<AttemptRow> Attempts,
    IReadOnlyList<PersonCertificateRow> Certificates,
    IReadOnlyList<UnitChoice> MoveTargets,
    string? Error = null);
