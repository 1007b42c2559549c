using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Training.Assessment.Certificates;
using Training.Courses.Assignments;
using Training.Courses.Catalog;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Coordination;

/// <summary>
/// What a coordinator sees of the people in their units (an admin: of everyone). Every query starts from
/// <see cref="UnitScope.PeopleIn"/>, so a person outside the scope is never listed and answers 404.
/// </summary>
public sealed class PeopleQuery(TrainingDbContext db, AssignmentStatusQuery assignmentStates, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>
    /// The people in scope matching the filter, one page, sorted. With a course (and a state), each person's
    /// state in that course comes from <see cref="AssignmentRules"/>, as on the dashboard whose figures link here.
    /// </summary>
    public async Task<PeopleListViewModel> ListAsync(Actor actor, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var units = await db.UnitsIn(actor).AsNoTracking().Where(u => u.ArchivedAt == null || db.Users.Any(p => p.UnitId == u.Id))
            .OrderBy(u => u.Path).Select(u => new UnitChoice(u.Id, u.Path)).ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => c.IsPublished).OrderBy(c => c.Title)
            .Select(c => new CourseChoice(c.Id, c.Title)).ToListAsync(cancellationToken);
        var (sorted, states) = await MatchingAsync(actor, filter, cancellationToken);
        var skip = (filter.PageNumber - 1) * PageSize;
        int total;
        List<PersonRow> rows;
        if (states is null)
        {
            total = await sorted.CountAsync(cancellationToken);
            rows = await sorted.Skip(skip).Take(PageSize).Select(ToRow()).ToListAsync(cancellationToken);
        }
        else
        {
            total = states.Count;
            var pageIds = (await sorted.Select(p => p.Id).ToListAsync(cancellationToken)).Where(states.ContainsKey).Skip(skip).Take(PageSize).ToArray();
            rows = await WithStatesAsync(pageIds, states, cancellationToken);
        }
        return new PeopleListViewModel(filter, units, courses, rows, total, (total + PageSize - 1) / PageSize);
    }

    /// <summary>
    /// Every person the list shows for the filter (all pages), in the list's order, read as they are written
    /// out: the export's rows. The filter's page is ignored.
    /// </summary>
    public async IAsyncEnumerable<PersonRow> StreamAsync(Actor actor, PeopleFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (sorted, states) = await MatchingAsync(actor, filter, cancellationToken);
        if (states is null)
        {
            await foreach (var row in sorted.Select(ToRow()).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return row;
            }
            yield break;
        }
        // The states are computed in memory (they hold one small record per matching person); the rows are
        // read a chunk at a time in the list's order.
        var ids = (await sorted.Select(p => p.Id).ToListAsync(cancellationToken)).Where(states.ContainsKey).ToList();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            foreach (var row in await WithStatesAsync(chunk, states, cancellationToken))
            {
                yield return row;
            }
        }
    }

    private const int ChunkSize = 500;

    /// <summary>
    /// The one home of the list's filter and order, for the page and the export: the people in scope matching
    /// the filter, sorted; with a course or state filter, also each matching person's state (the people
    /// without one do not match).
    /// </summary>
    private async Task<(IQueryable<TrainingUser> Sorted, Dictionary<string, AssignmentStatus>? States)> MatchingAsync(
        Actor actor, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = await FilteredAsync(actor, filter, cancellationToken);

        // The state of each person in the chosen course (or any assigned course), when the filter asks for it.
        Dictionary<string, AssignmentStatus>? states = null;
        if (filter.Course is not null || filter.State is not null)
        {
            var ids = people.Select(p => p.Id);
            var assigned = db.AssignedCourses.Where(a => ids.Contains(a.UserId));
            if (filter.Course is int course)
            {
                assigned = assigned.Where(a => a.CourseId == course);
            }
            states = (await assignmentStates.StatusesAsync(assigned, cancellationToken))
                .Where(s => filter.State is null || s.Status.State == filter.State)
                .GroupBy(s => s.Assigned.UserId)
                .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Status.DueOn).First().Status);
        }
        IQueryable<TrainingUser> sorted = filter.Sort switch
        {
            "name" => people.OrderBy(p => p.FullName).ThenBy(p => p.Email),
            "email" => people.OrderBy(p => p.Email),
            _ => people.OrderBy(p => db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault()).ThenBy(p => p.FullName).ThenBy(p => p.Email),
        };
        return (sorted, states);
    }

    /// <summary>The rows of <paramref name="ids"/>, in that order, each with its state.</summary>
    private async Task<List<PersonRow>> WithStatesAsync(string[] ids, Dictionary<string, AssignmentStatus> states, CancellationToken cancellationToken)
    {
        var byId = await db.Users.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(ToRow()).ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. ids.Select(id => byId[id] with { State = states[id] })];
    }

    private async Task<IQueryable<TrainingUser>> FilteredAsync(Actor actor, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var people = db.PeopleIn(actor).AsNoTracking();
        if (filter.Unit is int chosen)
        {
            // The chosen unit and everything below it, within the scope.
            var lineage = await db.UnitsIn(actor).Where(u => u.Id == chosen).Select(u => u.Lineage).SingleOrDefaultAsync(cancellationToken);
            people = lineage is null ? people.Where(_ => false)
                : people.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.Lineage.StartsWith(lineage)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = $"%{filter.Q.Trim()}%";
            people = people.Where(p => EF.Functions.Like(p.Email!, pattern) || EF.Functions.Like(p.FullName, pattern));
        }
        if (filter.ExpiringDays is int days)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var until = now.AddDays(days);
            var expiring = db.Certificates.Expiring(db, now, until);
            people = people.Where(p => expiring.Any(c => c.UserId == p.Id));
        }
        return people;
    }

    private System.Linq.Expressions.Expression<Func<TrainingUser, PersonRow>> ToRow() =>
        p => new PersonRow(
            p.Id, p.FullName, p.Email ?? "", p.JobTitle,
            db.Units.Where(u => u.Id == p.UnitId).Select(u => u.Path).FirstOrDefault(),
            p.PasswordHash != null,
            db.CourseCompletions.Count(c => c.UserId == p.Id),
            db.Certificates.Count(c => c.UserId == p.Id && c.RevokedAt == null));

    /// <summary>The person's page: the latest 50 quiz attempts.</summary>
    public Task<PersonViewModel?> FindAsync(Actor actor, string id, CancellationToken cancellationToken) =>
        LoadAsync(actor, id, 50, cancellationToken);

    /// <summary>The person's page with every quiz attempt: the transcript export.</summary>
    public Task<PersonViewModel?> TranscriptAsync(Actor actor, string id, CancellationToken cancellationToken) =>
        LoadAsync(actor, id, int.MaxValue, cancellationToken);

    private async Task<PersonViewModel?> LoadAsync(Actor actor, string id, int attemptsShown, CancellationToken cancellationToken)
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
            .OrderByDescending(a => a.StartedAt).Take(attemptsShown)
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
        var titles = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var assigned = (await assignmentStates.StatusesAsync(db.AssignedCourses.Where(a => a.UserId == id), cancellationToken))
            .Select(a => new AssignedRow(a.Assigned.AssignmentId, titles[a.Assigned.CourseId], a.Assigned.AssignedAt, a.Status,
                a.Assigned.ExemptionReason, a.Assigned.ExtensionReason))
            .OrderBy(a => a.CourseTitle, StringComparer.CurrentCulture).ToList();
        return new PersonViewModel(person, history, assigned, courses, attempts, certificates, moveTargets);
    }
}
