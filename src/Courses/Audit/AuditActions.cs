namespace Training.Courses.Audit;

/// <summary>The actions the audit log records. Stored as text, so the names never change.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SingleSignOnLinked = "sign-in.sso-linked";
    public const string AccountDeleted = "account.deleted";
    public const string AccountDeletionRefused = "account.deletion-refused";
    public const string PersonalDataDownloaded = "personal-data.downloaded";
    public const string InactivityWarningSent = "account.inactivity-warned";
    public const string RolesChanged = "roles.changed";
    public const string UnitCreated = "unit.created";
    public const string UnitRenamed = "unit.renamed";
    public const string UnitMoved = "unit.moved";
    public const string UnitArchived = "unit.archived";
    public const string UnitRestored = "unit.restored";
    public const string UnitDeleted = "unit.deleted";
    public const string CoordinatorAdded = "coordinator.added";
    public const string CoordinatorRemoved = "coordinator.removed";
    public const string PersonCreated = "person.created";
    public const string PersonMoved = "person.moved";
    public const string PeopleImported = "people.imported";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationAccepted = "invitation.accepted";
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateRevoked = "certificate.revoked";
    public const string AssignmentCreated = "assignment.created";
    public const string AssignmentExempted = "assignment.exempted";
    public const string AssignmentExtended = "assignment.extended";
    public const string ExportDownloaded = "export.downloaded";
    public const string CourseImported = "course.imported";
    public const string CourseCreated = "course.created";
    public const string CoursePublished = "course.published";
    public const string CourseRestored = "course.restored";
    public const string CourseConverted = "course.converted";
    public const string CourseTrainerAdded = "course.trainer-added";
    public const string CourseTrainerRemoved = "course.trainer-removed";

    public static IReadOnlyList<string> All { get; } =
    [
        SignInSucceeded, SignInFailed, SignInLockedOut, SingleSignOnLinked, AccountDeleted, AccountDeletionRefused, PersonalDataDownloaded, InactivityWarningSent, RolesChanged,
        UnitCreated, UnitRenamed, UnitMoved, UnitArchived, UnitRestored, UnitDeleted,
        CoordinatorAdded, CoordinatorRemoved, PersonCreated, PersonMoved, PeopleImported,
        InvitationSent, InvitationAccepted, CertificateIssued, CertificateRevoked,
        AssignmentCreated, AssignmentExempted, AssignmentExtended,
        ExportDownloaded, CourseImported, CourseCreated, CoursePublished, CourseRestored, CourseConverted,
        CourseTrainerAdded, CourseTrainerRemoved,
    ];
}
