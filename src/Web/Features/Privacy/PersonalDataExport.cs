using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Actor = Training.Courses.People.Actor;

namespace Training.Web.Features.Privacy;

/// <summary>
/// Everything the site holds about one person as one JSON file, for the person (their account page) or an
/// admin (the user's page). Each download is audited in the same save. Callers decide who may ask: this
/// service only refuses accounts that no longer exist or are anonymised (nothing personal is left).
/// </summary>
public sealed class PersonalDataExport(TrainingDbContext db, AuditLog auditLog, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <returns>The file's bytes, or null when there is no such (living) account.</returns>
    public async Task<byte[]?> DownloadAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        var document = await CollectAsync(userId, cancellationToken);
        if (document is null)
        {
            return null;
        }
        auditLog.Record(actor, AuditActions.PersonalDataDownloaded, SignInAudit.TargetType, userId,
            actor.UserId == userId ? "by the person themselves" : "by an admin");
        await db.SaveChangesAsync(cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    public async Task<PersonalDataDocument?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.AnonymisedAt == null, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(n => n).ToListAsync(cancellationToken);
        // The authenticator key itself stays out: it would let the file's reader make codes.
        var hasAuthenticator = await db.UserTokens.AnyAsync(t => t.UserId == userId && t.Name == "AuthenticatorKey", cancellationToken);
        var unit = user.UnitId is { } unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken) : null;
        var profile = new PersonalProfile(user.Id, user.FullName, user.Email, user.EmailConfirmed, user.PhoneNumber, user.JobTitle, unit, roles,
            user.CreatedAt, user.LastSignInAt, user.InactivityWarnedAt, user.TimeZoneId, user.Language, user.TwoFactorEnabled, hasAuthenticator);

        var certificates = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.IssuedAt)
            .Select(c => new CertificateRecord(c.Code, c.LearnerName, c.CourseTitle, c.CourseVersion, c.CompletedAt, c.IssuedAt, c.ExpiresAt, c.RevokedAt, c.RevocationReason))
            .ToListAsync(cancellationToken);

        return new PersonalDataDocument(
            clock.GetUtcNow().UtcDateTime,
            profile,
            await db.UnitMemberships.Where(m => m.UserId == userId).OrderBy(m => m.From)
                .Select(m => new UnitPeriod(db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Path).Single(), m.From, m.Until)).ToListAsync(cancellationToken),
            await db.UnitCoordinators.Where(c => c.UserId == userId)
                .Select(c => db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Path).Single()).OrderBy(p => p).ToListAsync(cancellationToken),
            await db.CourseTrainers.Where(t => t.UserId == userId)
                .Select(t => db.Courses.Where(c => c.Id == t.CourseId).Select(c => c.Title).Single()).OrderBy(t => t).ToListAsync(cancellationToken),
            await db.Enrolments.Where(e => e.UserId == userId).OrderBy(e => e.EnrolledAt)
                .Select(e => new EnrolmentRecord(e.Course.Title, e.EnrolledAt, e.LastVisitedAt)).ToListAsync(cancellationToken),
            await db.AssignedCourses.Where(a => a.UserId == userId).OrderBy(a => a.AssignedAt)
                .Select(a => new AssignedCourseRecord(db.Courses.Where(c => c.Id == a.CourseId).Select(c => c.Title).Single(),
                    a.AssignedAt, a.DueOn, a.ExtendedTo, a.ExtensionReason, a.ExemptAt, a.ExemptionReason)).ToListAsync(cancellationToken),
            new ProgressRecord(
                await db.ModuleCompletions.Where(c => c.UserId == userId).OrderBy(c => c.CompletedAt)
                    .Select(c => new ModuleCompletionRecord(
                        db.Modules.Where(m => m.Id == c.ModuleId).Select(m => m.Course.Title).Single(),
                        db.Modules.Where(m => m.Id == c.ModuleId).Select(m => m.Slug).Single(), c.CompletedAt)).ToListAsync(cancellationToken),
                await db.CourseCompletions.Where(c => c.UserId == userId).OrderBy(c => c.CompletedAt)
                    .Select(c => new CourseCompletionRecord(db.Courses.Where(course => course.Id == c.CourseId).Select(course => course.Title).Single(),
                        c.Round, c.CompletedAt, c.ExpiresAt)).ToListAsync(cancellationToken)),
            await AttemptsAsync(userId, cancellationToken),
            certificates,
            await db.Invitations.Where(i => i.UserId == userId).OrderBy(i => i.CreatedAt)
                .Select(i => new InvitationRecord(i.CreatedAt, i.ExpiresAt, i.AcceptedAt)).ToListAsync(cancellationToken),
            await db.ReminderOptOuts.Where(o => o.UserId == userId).Select(o => o.Kind).OrderBy(k => k).ToListAsync(cancellationToken),
            await db.Set<Reminders.ReminderLog>().Where(l => l.UserId == userId).OrderBy(l => l.QueuedAt)
                .Select(l => new ReminderRecord(l.Kind, l.ItemKey, l.Step, l.QueuedAt)).ToListAsync(cancellationToken),
            await MailsAsync(user.Email, cancellationToken),
            await AuditAsync(userId, certificates.Select(c => c.Code).ToList(), cancellationToken));
    }

    private async Task<List<AttemptRecord>> AttemptsAsync(string userId, CancellationToken cancellationToken)
    {
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.StartedAt)
            .Select(a => new
            {
                Quiz = db.Quizzes.Where(q => q.Id == a.QuizId).Select(q => new { q.Key, q.Course.Title }).Single(),
                a.Number, a.Language, a.Status, a.StartedAt, a.SubmittedAt, a.Score, a.Passed,
                Answers = a.Answers.OrderBy(x => x.QuestionId).Select(x => new AnswerRecord(x.QuestionId, x.Answer, x.SavedAt)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return attempts.Select(a => new AttemptRecord(a.Quiz.Title, a.Quiz.Key, a.Number, a.Language, a.Status.ToString(), a.StartedAt, a.SubmittedAt,
            a.Score, a.Passed, a.Answers)).ToList();
    }

    /// <summary>The site addresses mail to the account's address exactly as stored.</summary>
    private async Task<List<MailRecord>> MailsAsync(string? email, CancellationToken cancellationToken) =>
        email is null ? [] : await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == email)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new MailRecord(m.To, m.Subject, m.CreatedAt, m.SentAt, m.HtmlBody)).ToListAsync(cancellationToken);

    /// <summary>Entries the person made and entries about them or their certificates.</summary>
    private async Task<List<AuditRecord>> AuditAsync(string userId, List<string> codes, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorUserId == userId || (e.TargetType == SignInAudit.TargetType && e.TargetId == userId)
                || (e.TargetType == "certificate" && codes.Contains(e.TargetId!)))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        // Another person's address (an admin's, a coordinator's) is their personal data, not this person's.
        return entries.Select(e => new AuditRecord(e.At, e.Action, e.ActorName,
            e.ActorUserId == userId || e.ActorUserId is null ? e.IpAddress : null, e.TargetType, e.TargetId, e.Detail)).ToList();
    }
}
