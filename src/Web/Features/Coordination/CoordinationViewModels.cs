using Training.Courses.Organisations;

namespace Training.Web.Features.Coordination;

/// <param name="HasPassword">False while an invited person has not chosen a password yet.</param>
public sealed record PersonRow(string Id, string FullName, string Email, string? JobTitle, string? UnitPath, bool HasPassword, int CoursesCompleted, int ValidCertificates);

public sealed record PeopleListViewModel(string? Search, int? UnitId, IReadOnlyList<UnitChoice> Units, IReadOnlyList<PersonRow> People, int Total);

public sealed record MembershipRow(string UnitPath, DateTime From, DateTime? Until);

public sealed record CourseProgressRow(string CourseTitle, DateTime EnrolledAt, int ModulesCompleted, int Modules, DateTime? CompletedAt);

public sealed record AttemptRow(string CourseTitle, string? ModuleTitle, int Number, string Status, DateTime StartedAt, DateTime? SubmittedAt, decimal? Score, bool? Passed);

public sealed record PersonCertificateRow(string Code, string CourseTitle, DateTime CompletedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

public sealed record PersonViewModel(
    PersonRow Person,
    IReadOnlyList<MembershipRow> History,
    IReadOnlyList<CourseProgressRow> Courses,
    IReadOnlyList<AttemptRow> Attempts,
    IReadOnlyList<PersonCertificateRow> Certificates,
    IReadOnlyList<UnitChoice> MoveTargets,
    string? Error = null);
