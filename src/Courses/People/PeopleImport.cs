using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.Organisations;

namespace Training.Courses.People;

/// <summary>
/// Onboards people from a CSV file, all or nothing: every line is checked (format, unit, the actor's
/// scope) before anything is written, and then everything is written in one SaveChanges: new accounts
/// (confirmed, no password, Learner, in their unit, invited), moves of existing people, audit entries.
/// Importing the same file again finds everyone in place and changes nothing.
/// </summary>
public sealed class PeopleImport(
    ICoursesDbContext db, AuditLog audit, InvitationService invitations, IInvitationMail mail,
    ILookupNormalizer normalizer, Assignments.AssignmentSync assignments, TimeProvider clock)
{
    /// <summary>The role new people get: the site's Learner role (Training.Web's Roles.Learner).</summary>
    public const string NewPersonRole = "Learner";

    // Keeps each IN list well below SQL Server's 2,100 parameters.
    private const int LookupChunk = 500;

    public async Task<PeopleImportResult> ImportAsync(Actor actor, string fileName, TextReader csv, bool dryRun, CancellationToken cancellationToken)
    {
        var (rows, problems) = PeopleCsv.Read(fileName, csv, mail.Languages);
        var allProblems = problems.ToList();

        var units = await UnitsByPathAsync(cancellationToken);
        var unitOf = new Dictionary<PersonRow, Unit>();
        foreach (var row in rows)
        {
            if (!units.TryGetValue(PathKey(row.UnitPath), out var unit))
            {
                allProblems.Add(new ImportProblem(fileName, row.Line, PeopleCsv.UnitPath, ImportProblemKind.UnknownUnit, row.UnitPath));
            }
            else if (!actor.CanSeeUnit(unit.Id))
            {
                allProblems.Add(new ImportProblem(fileName, row.Line, PeopleCsv.UnitPath, ImportProblemKind.UnitOutsideScope, unit.Path));
            }
            else if (unit.ArchivedAt is not null)
            {
                allProblems.Add(new ImportProblem(fileName, row.Line, PeopleCsv.UnitPath, ImportProblemKind.UnitArchived, unit.Path));
            }
            else
            {
                unitOf[row] = unit;
            }
        }

        var existing = await ExistingPeopleAsync(rows, cancellationToken);
        var toCreate = new List<PersonRow>();
        var toMove = new List<(PersonRow Row, TrainingUser Person)>();
        var unchanged = 0;
        foreach (var row in rows.Where(unitOf.ContainsKey))
        {
            if (!existing.TryGetValue(normalizer.NormalizeEmail(row.Email), out var person))
            {
                toCreate.Add(row);
            }
            else if (person.UnitId == unitOf[row].Id)
            {
                unchanged++;
            }
            else if (person.UnitId is not null && !actor.CanSeeUnit(person.UnitId))
            {
                allProblems.Add(new ImportProblem(fileName, row.Line, PeopleCsv.Email, ImportProblemKind.PersonOutsideScope, row.Email));
            }
            else
            {
                toMove.Add((row, person));
            }
        }
        if (allProblems.Count > 0)
        {
            return PeopleImportResult.Failed(fileName, dryRun, allProblems);
        }

        var unitPaths = units.Values.ToDictionary(u => u.Id, u => u.Path);
        var moves = toMove.Select(m => new PersonMove(m.Row.Line, m.Person.Email ?? m.Row.Email,
            m.Person.UnitId is int from ? unitPaths.GetValueOrDefault(from) : null, unitOf[m.Row].Path)).ToList();
        if (!dryRun)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await MoveAsync(actor, toMove, unitOf, now, cancellationToken);
            var created = await CreateAsync(actor, toCreate, unitOf, now, cancellationToken);
            audit.Record(actor, AuditActions.PeopleImported, "import", fileName,
                $"{fileName}: {toCreate.Count} created, {toMove.Count} moved, {unchanged} unchanged");
            await db.SaveChangesAsync(cancellationToken);
            // New and moved people come under their unit's assignments (and leave the old unit's open ones).
            await assignments.SyncPeopleAsync([.. created, .. toMove.Select(m => m.Person.Id)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new PeopleImportResult(fileName, dryRun, [], toCreate.Count, moves, unchanged);
    }

    private async Task<List<string>> CreateAsync(Actor actor, List<PersonRow> rows, Dictionary<PersonRow, Unit> unitOf, DateTime now, CancellationToken cancellationToken)
    {
        var created = new List<string>(rows.Count);
        if (rows.Count == 0)
        {
            return created;
        }
        var roleId = await LearnerRoleIdAsync(cancellationToken);
        // UserManager.CreateAsync would save once per person; building the rows here saves them all at once.
        foreach (var row in rows)
        {
            var person = new TrainingUser
            {
                UserName = row.Email,
                NormalizedUserName = normalizer.NormalizeName(row.Email),
                Email = row.Email,
                NormalizedEmail = normalizer.NormalizeEmail(row.Email),
                EmailConfirmed = true,
                LockoutEnabled = true,
                SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                FullName = row.FullName,
                JobTitle = row.JobTitle,
                Language = row.Language,
                CreatedAt = now,
            };
            db.Users.Add(person);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roleId });
            var unit = unitOf[row];
            Memberships.Move(db, person, unit.Id, now, open: null);
            audit.Record(actor, AuditActions.PersonCreated, "person", person.Id, $"{row.Email} in {unit.Path}");
            invitations.Issue(person, actor, now);
            created.Add(person.Id);
        }
        return created;
    }

    private async Task MoveAsync(
        Actor actor, List<(PersonRow Row, TrainingUser Person)> moves, Dictionary<PersonRow, Unit> unitOf, DateTime now, CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, UnitMembership>();
        foreach (var chunk in moves.Select(m => m.Person.Id).Chunk(LookupChunk))
        {
            foreach (var membership in await db.UnitMemberships.Where(m => chunk.Contains(m.UserId) && m.Until == null).ToListAsync(cancellationToken))
            {
                open[membership.UserId] = membership;
            }
        }
        foreach (var (row, person) in moves)
        {
            var unit = unitOf[row];
            Memberships.Move(db, person, unit.Id, now, open.GetValueOrDefault(person.Id));
            audit.Record(actor, AuditActions.PersonMoved, "person", person.Id, $"{person.Email} to {unit.Path} (import)");
        }
    }

    private async Task<string> LearnerRoleIdAsync(CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(NewPersonRole);
        var id = await db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is not null)
        {
            return id;
        }
        // The site seeds roles at start; the command line may run on a database the site never started on.
        var role = new IdentityRole(NewPersonRole) { NormalizedName = normalized };
        db.Roles.Add(role);
        return role.Id;
    }

    private async Task<Dictionary<string, TrainingUser>> ExistingPeopleAsync(IReadOnlyList<PersonRow> rows, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, TrainingUser>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => normalizer.NormalizeEmail(r.Email)).Chunk(LookupChunk))
        {
            foreach (var person in await db.Users.Where(u => chunk.Contains(u.NormalizedEmail)).ToListAsync(cancellationToken))
            {
                found[person.NormalizedEmail!] = person;
            }
        }
        return found;
    }

    private async Task<Dictionary<string, Unit>> UnitsByPathAsync(CancellationToken cancellationToken)
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken))
        {
            units.TryAdd(PathKey(unit.Path), unit);
        }
        return units;
    }

    /// <summary>"border police/ North Region /crossing a" and "Border Police / North Region / Crossing A" name the same unit.</summary>
    public static string PathKey(string path) =>
        string.Join(Unit.PathSeparator, path.Split('/', StringSplitOptions.TrimEntries)).ToUpperInvariant();
}
