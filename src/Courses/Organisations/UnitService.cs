using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.People;

namespace Training.Courses.Organisations;

/// <summary>
/// Admins create, rename, move, archive and delete organisations and units, and name their coordinators.
/// Every change writes its audit entry in the same SaveChanges. Path and lineage of a unit and all
/// below it are kept in step here and nowhere else.
/// </summary>
public sealed class UnitService(ICoursesDbContext db, AuditLog audit, Assignments.AssignmentSync assignments, TimeProvider clock)
{
    public const string CoordinatorRole = "Coordinator";

    public async Task<IReadOnlyList<UnitRow>> ListAsync(Actor actor, bool includeArchived, CancellationToken cancellationToken)
    {
        var units = db.UnitsIn(actor).AsNoTracking();
        if (!includeArchived)
        {
            units = units.Where(u => u.ArchivedAt == null);
        }
        var rows = await units
            .Select(u => new
            {
                u.Id, u.ParentId, u.Name, u.Path, u.Lineage, Archived = u.ArchivedAt != null,
                People = db.Users.Count(p => p.UnitId == u.Id),
                Coordinators = db.UnitCoordinators.Where(c => c.UnitId == u.Id)
                    .Join(db.Users, c => c.UserId, p => p.Id, (_, p) => p.Email!).OrderBy(e => e).ToList(),
            })
            .ToListAsync(cancellationToken);
        // Ordered by path so each unit follows its parent; the lineage's length gives the depth.
        return rows.OrderBy(r => r.Path, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new UnitRow(r.Id, r.ParentId, r.Name, r.Path, r.Lineage.Count(c => c == '/') - 2, r.Archived, r.People, r.Coordinators))
            .ToList();
    }

    public async Task<UnitDetail?> FindAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var unit = (await ListAsync(actor, includeArchived: true, cancellationToken)).SingleOrDefault(u => u.Id == id);
        if (unit is null)
        {
            return null;
        }
        var coordinators = await db.UnitCoordinators.Where(c => c.UnitId == id)
            .Join(db.Users, c => c.UserId, p => p.Id, (c, p) => new CoordinatorRow(p.Id, p.FullName, p.Email!, c.Since))
            .ToListAsync(cancellationToken);
        var lineage = await db.Units.Where(u => u.Id == id).Select(u => u.Lineage).SingleAsync(cancellationToken);
        var parents = await db.UnitsIn(actor).Where(u => u.ArchivedAt == null && !u.Lineage.StartsWith(lineage))
            .OrderBy(u => u.Path).Select(u => new UnitChoice(u.Id, u.Path)).ToListAsync(cancellationToken);
        return new UnitDetail(unit, [.. coordinators.OrderBy(c => c.Email)], parents, await CanDeleteAsync(id, cancellationToken));
    }

    public async Task<(UnitOutcome Outcome, int Id)> CreateAsync(Actor actor, int? parentId, string? name, CancellationToken cancellationToken)
    {
        var problem = CheckName(name);
        if (problem is not UnitOutcome.Done)
        {
            return (problem, 0);
        }
        name = Tidy(name!);
        Unit? parent = null;
        if (parentId is not null)
        {
            parent = await db.Units.SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return (UnitOutcome.NotFound, 0);
            }
            if (parent.ArchivedAt is not null)
            {
                return (UnitOutcome.ParentArchived, 0);
            }
        }
        if (await NameTakenAsync(parentId, name, exceptId: null, cancellationToken))
        {
            return (UnitOutcome.NameTaken, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var unit = new Unit
        {
            ParentId = parentId,
            Name = name,
            Path = parent is null ? name : parent.Path + Unit.PathSeparator + name,
            // The lineage needs the id: a placeholder unique to this insert, replaced right after.
            Lineage = "new:" + Guid.NewGuid().ToString("N"),
            CreatedAt = Now,
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        unit.Lineage = (parent?.Lineage ?? "/") + unit.Id + "/";
        audit.Record(actor, AuditActions.UnitCreated, "unit", unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), unit.Path);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UnitOutcome.Done, unit.Id);
    }

    public async Task<UnitOutcome> RenameAsync(Actor actor, int id, string? name, CancellationToken cancellationToken)
    {
        var problem = CheckName(name);
        if (problem is not UnitOutcome.Done)
        {
            return problem;
        }
        name = Tidy(name!);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return UnitOutcome.NotFound;
        }
        if (unit.Name == name)
        {
            return UnitOutcome.Done;
        }
        if (await NameTakenAsync(unit.ParentId, name, unit.Id, cancellationToken))
        {
            return UnitOutcome.NameTaken;
        }
        var oldPath = unit.Path;
        var parentPath = unit.ParentId is null ? null : await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Path).SingleAsync(cancellationToken);
        unit.Name = name;
        await RewriteSubtreeAsync(unit, parentPath, unit.Lineage[..^(unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1)], cancellationToken);
        audit.Record(actor, AuditActions.UnitRenamed, "unit", Key(unit.Id), $"{oldPath} → {unit.Path}");
        await db.SaveChangesAsync(cancellationToken);
        return UnitOutcome.Done;
    }

    /// <param name="newParentId">Null makes the unit an organisation of its own.</param>
    public async Task<UnitOutcome> MoveAsync(Actor actor, int id, int? newParentId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return UnitOutcome.NotFound;
        }
        if (unit.ParentId == newParentId)
        {
            return UnitOutcome.Done;
        }
        Unit? parent = null;
        if (newParentId is not null)
        {
            parent = await db.Units.SingleOrDefaultAsync(u => u.Id == newParentId, cancellationToken);
            if (parent is null)
            {
                return UnitOutcome.NotFound;
            }
            if (parent.Lineage.StartsWith(unit.Lineage, StringComparison.Ordinal))
            {
                return UnitOutcome.MoveIntoItself;
            }
            if (parent.ArchivedAt is not null)
            {
                return UnitOutcome.ParentArchived;
            }
        }
        if (await NameTakenAsync(newParentId, unit.Name, unit.Id, cancellationToken))
        {
            return UnitOutcome.NameTaken;
        }
        var oldPath = unit.Path;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        unit.ParentId = newParentId;
        await RewriteSubtreeAsync(unit, parent?.Path, parent?.Lineage ?? "/", cancellationToken);
        audit.Record(actor, AuditActions.UnitMoved, "unit", Key(unit.Id), $"{oldPath} → {unit.Path}");
        await db.SaveChangesAsync(cancellationToken);
        // Its people now sit under other units' assignments.
        await assignments.SyncUnitAsync(unit.Lineage, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UnitOutcome.Done;
    }

    /// <summary>Archives the unit and everything below it: they keep their people and history, take no one new.</summary>
    public async Task<UnitOutcome> ArchiveAsync(Actor actor, int id, bool archive, CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return UnitOutcome.NotFound;
        }
        if (!archive && unit.ParentId is not null
            && await db.Units.AnyAsync(u => u.Id == unit.ParentId && u.ArchivedAt != null, cancellationToken))
        {
            return UnitOutcome.ParentArchived;
        }
        var subtree = await db.Units.Where(u => u.Lineage.StartsWith(unit.Lineage)).ToListAsync(cancellationToken);
        foreach (var member in subtree)
        {
            member.ArchivedAt = archive ? member.ArchivedAt ?? Now : null;
        }
        audit.Record(actor, archive ? AuditActions.UnitArchived : AuditActions.UnitRestored, "unit", Key(unit.Id),
            subtree.Count == 1 ? unit.Path : $"{unit.Path} (+{subtree.Count - 1})");
        await db.SaveChangesAsync(cancellationToken);
        return UnitOutcome.Done;
    }

    /// <summary>Deletes a unit that never had anyone or anything in it; any other is archived instead.</summary>
    public async Task<UnitOutcome> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return UnitOutcome.NotFound;
        }
        if (!await CanDeleteAsync(id, cancellationToken))
        {
            return UnitOutcome.HasPeopleOrHistory;
        }
        db.Units.Remove(unit);
        audit.Record(actor, AuditActions.UnitDeleted, "unit", Key(unit.Id), unit.Path);
        await db.SaveChangesAsync(cancellationToken);
        return UnitOutcome.Done;
    }

    /// <summary>Makes the person with this e-mail address a coordinator of the unit (and gives the role).</summary>
    public async Task<UnitOutcome> AddCoordinatorAsync(Actor actor, int unitId, string? email, CancellationToken cancellationToken)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return UnitOutcome.NotFound;
        }
        var normalised = (email ?? "").Trim().ToUpperInvariant();
        var person = normalised.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
        if (person is null)
        {
            return UnitOutcome.PersonNotFound;
        }
        if (await db.UnitCoordinators.AnyAsync(c => c.UnitId == unitId && c.UserId == person.Id, cancellationToken))
        {
            return UnitOutcome.AlreadyCoordinator;
        }
        db.UnitCoordinators.Add(new UnitCoordinator { UnitId = unitId, UserId = person.Id, Since = Now });
        var roleId = await db.Roles.Where(r => r.Name == CoordinatorRole).Select(r => r.Id).SingleAsync(cancellationToken);
        if (!await db.UserRoles.AnyAsync(r => r.UserId == person.Id && r.RoleId == roleId, cancellationToken))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roleId });
            audit.Record(actor, AuditActions.RolesChanged, "person", person.Id, $"{person.Email}: + {CoordinatorRole}");
        }
        // A new stamp makes the person's session pick up the role and the scope at its next check.
        person.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(actor, AuditActions.CoordinatorAdded, "unit", Key(unitId), $"{person.Email} coordinates {unit.Path}");
        await db.SaveChangesAsync(cancellationToken);
        return UnitOutcome.Done;
    }

    /// <summary>Ends a person's coordination of the unit. Their role stays (an admin changes roles on the user page).</summary>
    public async Task<UnitOutcome> RemoveCoordinatorAsync(Actor actor, int unitId, string userId, CancellationToken cancellationToken)
    {
        var link = await db.UnitCoordinators.SingleOrDefaultAsync(c => c.UnitId == unitId && c.UserId == userId, cancellationToken);
        if (link is null)
        {
            return UnitOutcome.NotFound;
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(cancellationToken);
        db.UnitCoordinators.Remove(link);
        audit.Record(actor, AuditActions.CoordinatorRemoved, "unit", Key(unitId), $"{email} no longer coordinates {path}");
        await db.SaveChangesAsync(cancellationToken);
        return UnitOutcome.Done;
    }

    private async Task<bool> CanDeleteAsync(int id, CancellationToken cancellationToken) =>
        !await db.Units.AnyAsync(u => u.ParentId == id, cancellationToken)
        && !await db.UnitMemberships.AnyAsync(m => m.UnitId == id, cancellationToken)
        && !await db.Users.AnyAsync(u => u.UnitId == id, cancellationToken)
        && !await db.UnitCoordinators.AnyAsync(c => c.UnitId == id, cancellationToken)
        && !await db.Assignments.AnyAsync(a => a.UnitId == id, cancellationToken);

    /// <summary>Sets the unit's path and lineage under its (new) parent and rewrites everything below it.</summary>
    private async Task RewriteSubtreeAsync(Unit unit, string? parentPath, string parentLineage, CancellationToken cancellationToken)
    {
        var oldLineage = unit.Lineage;
        var oldPath = unit.Path;
        var below = await db.Units.Where(u => u.Lineage.StartsWith(oldLineage) && u.Id != unit.Id).ToListAsync(cancellationToken);
        unit.Path = parentPath is null ? unit.Name : parentPath + Unit.PathSeparator + unit.Name;
        unit.Lineage = parentLineage + Key(unit.Id) + "/";
        foreach (var child in below)
        {
            child.Lineage = unit.Lineage + child.Lineage[oldLineage.Length..];
            child.Path = unit.Path + child.Path[oldPath.Length..];
        }
    }

    // Siblings are few: compared in memory, case-insensitively for every script (SQLite's upper() knows ASCII only).
    private async Task<bool> NameTakenAsync(int? parentId, string name, int? exceptId, CancellationToken cancellationToken) =>
        (await db.Units.Where(u => u.ParentId == parentId && u.Id != exceptId).Select(u => u.Name).ToListAsync(cancellationToken))
        .Contains(name, StringComparer.OrdinalIgnoreCase);

    private static UnitOutcome CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? UnitOutcome.NameMissing
        : Tidy(name).Length > Unit.MaxNameLength ? UnitOutcome.NameTooLong
        : name.Contains('/', StringComparison.Ordinal) ? UnitOutcome.NameHasSlash
        : UnitOutcome.Done;

    private static string Tidy(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
