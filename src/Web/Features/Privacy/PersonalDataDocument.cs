namespace Training.Web.Features.Privacy;

/// <summary>The "download my data" file: one section per kind of record the site keeps about a person.</summary>
public sealed record PersonalDataDocument(
    DateTime ExportedAt,
    PersonalProfile Profile,
    IReadOnlyList<UnitPeriod> UnitHistory,
    IReadOnlyList<string> CoordinatedUnits,
    IReadOnlyList<string> TrainerOfCourses,
    IReadOnlyList<EnrolmentRecord> Enrolments,
    IReadOnlyList<AssignedCourseRecord> AssignedCourses,
    ProgressRecord Progress,
    IReadOnlyList<AttemptRecord> Attempts,
    IReadOnlyList<CertificateRecord> Certificates,
    IReadOnlyList<InvitationRecord> Invitations,
    IReadOnlyList<string> RemindersSwitchedOff,
    IReadOnlyList<ReminderRecord> RemindersQueued,
    IReadOnlyList<MailRecord> Mails,
    IReadOnlyList<AuditRecord> AuditEntries);

public sealed record PersonalProfile(
    string Id, string FullName, string? Email, bool EmailConfirmed, string? PhoneNumber, string? JobTitle, string? Unit,
    IReadOnlyList<string> Roles, DateTime CreatedAt, DateTime? LastSignInAt, DateTime? InactivityWarnedAt,
    string? TimeZoneId, string? Language, bool TwoFactorEnabled, bool HasAuthenticator);

public sealed record UnitPeriod(string Unit, DateTime From, DateTime? Until);

public sealed record EnrolmentRecord(string Course, DateTime EnrolledAt, DateTime? LastVisitedAt);

public sealed record AssignedCourseRecord(string Course, DateTime AssignedAt, DateOnly DueOn, DateOnly? ExtendedTo, string? ExtensionReason, DateTime? ExemptAt, string? ExemptionReason);

public sealed record ProgressRecord(IReadOnlyList<ModuleCompletionRecord> Modules, IReadOnlyList<CourseCompletionRecord> Courses);

public sealed record ModuleCompletionRecord(string Course, string Module, DateTime CompletedAt);

public sealed record CourseCompletionRecord(string Course, int Round, DateTime CompletedAt, DateTime? ExpiresAt);

public sealed record AttemptRecord(
    string Course, string Quiz, int Number, string Language, string Status, DateTime StartedAt, DateTime? SubmittedAt,
    decimal? Score, bool? Passed, IReadOnlyList<AnswerRecord> Answers);

public sealed record AnswerRecord(string Question, string Answer, DateTime SavedAt);

public sealed record CertificateRecord(
    string Code, string LearnerName, string CourseTitle, string CourseVersion, DateTime CompletedAt, DateTime IssuedAt,
    DateTime? ExpiresAt, DateTime? RevokedAt, string? RevocationReason);

public sealed record InvitationRecord(DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt);

public sealed record ReminderRecord(string Kind, string About, string Step, DateTime QueuedAt);

public sealed record MailRecord(string To, string Subject, DateTime CreatedAt, DateTime? SentAt, string HtmlBody);

/// <param name="ActorName">Who acted, as the entry names them; the address they acted from only when it was this person or an anonymous visitor.</param>
public sealed record AuditRecord(DateTime At, string Action, string ActorName, string? IpAddress, string TargetType, string? TargetId, string Detail);
