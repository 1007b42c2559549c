using Microsoft.EntityFrameworkCore;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Coordination;

/// <summary>
/// What a coordinator sees of the people in their units (an admin: of everyone). Every query starts from
/// <see cref="UnitScope.PeopleIn"/>, so a person outside the scope is never listed and answers 404.
/// </summary>
public sealed class PeopleQuery(TrainingDbContext db)
{
    public const int PageSize = 200;

    public async Task<PeopleListViewModel> ListAsync(Actor actor, string? search, int? unitId, CancellationToken cancellationToken)
    {
        var units = await db.UnitsIn(actor).AsNoTracking().Where(u => u.ArchivedAt == null || db.Users.Any(p => p.UnitId == u.Id))
            .OrderBy(u => u.Path).Select(u => new UnitChoice(u.Id, u.Path)).ToListAsync(cancellationToken);
        var people = db.PeopleIn(actor).AsNoTracking();
        if (unitId is int chosen)
        {
            // The chosen unit and everything below it, within the scope.
            var lineage = await db.UnitsIn(actor).Where(u => u.Id == chosen).Select(u => u.Lineage).SingleOrDefaultAsync(cancellationToken);
            people = lineage is null ? people.Where(_ => false)
                : people.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Lineage.StartsWith(lineage)));
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            people = people.Where(p => EF.Functions.Like(p.Email!, pattern) || EF.Functions.Like(p.FullName, pattern));
        }
        var total = await people.CountAsync(cancellationToken);
        var rows = await people
            .OrderBy(p => db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault()).ThenBy(p => p.FullName).ThenBy(p => p.Email)
            .Take(PageSize)
            .Select(ToRow())
            .ToListAsync(cancellationToken);
        return new PeopleListViewModel(search, unitId, units, rows, total);
    }

    private System.Linq.Expressions.Expression<Func<TrainingUser, PersonRow>> ToRow() =>
        p => new PersonRow(
            p.Id, p.FullName, p.Email ?? "", p.JobTitle,
            db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault(),
            p.PasswordHash != null,
            db.CourseCompletions.Count(c => c.UserId == p.Id),
            db.Certificates.Count(c => c.UserId == p.Id && c.RevokedAt == null));

    public async Task<PersonViewModel?> FindAsync(Actor actor, string id, CancellationToken cancellationToken)
    {
        var person = await db.PeopleIn(actor).AsNoTracking().Where(p => p.Id == id)
            .Select(ToRow())
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }
        var history = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == id)
            .OrderByDescending(m => m.From)
            .Select(m => new MembershipRow(db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Path).First(), m.From, m.Until))
            .ToListAsync(cancellationToken);
        var courses = await db.Enrolments.AsNoTracking().Where(e => e.UserId == id)
            .OrderBy(e => e.Course.Title)
            .Select(e => new CourseProgressRow(
                e.Course.Title,
                e.EnrolledAt,
                db.Modules.Count(m => m.CourseId == e.CourseId && !m.IsRetired && db.ModuleCompletions.Any(c => c.UserId == id && c.ModuleId == m.Id)),
                db.Modules.Count(m => m.CourseId == e.CourseId && !m.IsRetired),
                db.CourseCompletions.Where(c => c.UserId == id && c.CourseId == e.CourseId).OrderByDescending(c => c.CompletedAt).Select(c => (DateTime?)c.CompletedAt).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == id)
            .OrderByDescending(a => a.StartedAt).Take(50)
            .Select(a => new AttemptRow(a.QuizVersion.Quiz.Course.Title,
                a.QuizVersion.Quiz.Module == null ? null : a.QuizVersion.Quiz.Module.CurrentVersion!.Title,
                a.Number, a.Status.ToString(), a.StartedAt, a.SubmittedAt, a.Score, a.Passed))
            .ToListAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.UserId == id)
            .OrderByDescending(c => c.IssuedAt)
            .Select(c => new PersonCertificateRow(c.Code, c.CourseTitle, c.CompletedAt, c.ExpiresAt, c.RevokedAt))
            .ToListAsync(cancellationToken);
        var moveTargets = await db.UnitsIn(actor).AsNoTracking().Where(u => u.ArchivedAt == null)
            .OrderBy(u => u.Path).Select(u => new UnitChoice(u.Id, u.Path)).ToListAsync(cancellationToken);
        return new PersonViewModel(person, history, courses, attempts, certificates, moveTargets);
    }
}
