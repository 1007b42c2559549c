using Microsoft.EntityFrameworkCore;

namespace Training.Courses.People;

/// <summary>Turns a signed-in person into an <see cref="Actor"/>: their roles and the units they coordinate.</summary>
public static class ActorResolver
{
    public static async Task<Actor> ResolveAsync(
        ICoursesDbContext db, string userId, string name, string? ipAddress, bool isAdmin, bool isCoordinator, CancellationToken cancellationToken)
    {
        if (isAdmin)
        {
            return Actor.Everything(userId, name, ipAddress, isAdmin: true);
        }
        if (!isCoordinator)
        {
            return Actor.Scoped(userId, name, ipAddress, isCoordinator: false, []);
        }
        // A coordinator coordinates a few units; each brings the units whose lineage starts with its own.
        var lineages = await db.UnitCoordinators.Where(c => c.UserId == userId)
            .Join(db.Units, c => c.UnitId, u => u.Id, (_, u) => u.Lineage)
            .ToListAsync(cancellationToken);
        var unitIds = new HashSet<int>();
        foreach (var lineage in lineages)
        {
            unitIds.UnionWith(await db.Units.Where(u => u.Lineage.StartsWith(lineage)).Select(u => u.Id).ToListAsync(cancellationToken));
        }
        return Actor.Scoped(userId, name, ipAddress, isCoordinator: true, unitIds);
    }
}
