using System.Globalization;
using System.Text;
using Training.Courses.Organisations;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

internal sealed record DemoUnit(int Id, int Depth, string Lineage, string Path);

/// <summary>A generated person; an earlier unit means a closed membership before <paramref name="JoinedAt"/>.</summary>
internal sealed record DemoPerson(
    string Id, string Email, string FullName, string? JobTitle, string? Language, int? UnitId,
    DateTime CreatedAt, DateTime JoinedAt, int? EarlierUnitId, string Role);

/// <summary>The organisation tree (a few organisations, their regions, the posts below) and the people in it.</summary>
internal static class DemoOrganisation
{
    /// <summary>Creates the units level by level, so each level's ids make its lineages.</summary>
    public static async Task<List<DemoUnit>> CreateUnitsAsync(TrainingDbContext db, DemoDataOptions options, string tag, DateTime now, CancellationToken cancellationToken)
    {
        var organisations = Math.Clamp(options.Units / 100, options.Units >= 10 ? 2 : 1, DemoNames.Organisations.Length);
        var regions = Math.Min(options.Units - organisations, Math.Max(organisations, (options.Units - organisations) / 12));
        var posts = options.Units - organisations - regions;

        var top = await AddLevelAsync(db, [.. Enumerable.Range(0, organisations).Select(i => ((DemoUnit?)null, DemoNames.Organisations[i] + tag))], now, cancellationToken);
        var middle = await AddLevelAsync(db, [.. Enumerable.Range(0, regions).Select(i =>
            ((DemoUnit?)top[i % organisations], $"{DemoNames.Regions[(i / organisations) % DemoNames.Regions.Length]} Region {i / organisations + 1:00}"))], now, cancellationToken);
        var bottom = await AddLevelAsync(db, [.. Enumerable.Range(0, posts).Select(i =>
            ((DemoUnit?)middle[i % regions], $"{DemoNames.Posts[(i / regions) % DemoNames.Posts.Length]} {i + 1:000}"))], now, cancellationToken);
        return [.. top, .. middle, .. bottom];
    }

    private static async Task<List<DemoUnit>> AddLevelAsync(TrainingDbContext db, List<(DemoUnit? Parent, string Name)> wanted, DateTime now, CancellationToken cancellationToken)
    {
        var units = wanted.Select(w => new Unit
        {
            ParentId = w.Parent?.Id,
            Name = w.Name,
            Path = w.Parent is null ? w.Name : w.Parent.Path + Unit.PathSeparator + w.Name,
            // Unique placeholder until the id is known.
            Lineage = Guid.NewGuid().ToString("N"),
            CreatedAt = now.AddYears(-3),
        }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < units.Count; i++)
        {
            units[i].Lineage = (wanted[i].Parent?.Lineage ?? "/") + units[i].Id.ToString(CultureInfo.InvariantCulture) + "/";
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var depth = wanted.Count == 0 || wanted[0].Parent is null ? 0 : wanted[0].Parent!.Depth + 1;
        return units.Select(u => new DemoUnit(u.Id, depth, u.Lineage, u.Path)).ToList();
    }

    /// <summary>Learners over the posts (mostly) and regions; one in seven moved from another unit.</summary>
    public static List<DemoPerson> Learners(DemoDataOptions options, List<DemoUnit> units, string tag, Random random, DateTime now)
    {
        var homes = units.Where(u => u.Depth > 0).ToList();
        // Posts differ in size: a weight of 1 to 4 each.
        var weighted = homes.SelectMany(u => Enumerable.Repeat(u, u.Depth == 1 ? 1 : 1 + random.Next(4))).ToArray();
        var people = new List<DemoPerson>(options.Learners);
        for (var i = 1; i <= options.Learners; i++)
        {
            var given = DemoNames.GivenNames[random.Next(DemoNames.GivenNames.Length)];
            var family = DemoNames.FamilyNames[random.Next(DemoNames.FamilyNames.Length)];
            var created = now.AddDays(-30 - random.NextDouble() * 1_000);
            var unit = weighted[random.Next(weighted.Length)];
            var moved = random.Next(7) == 0;
            var joined = moved ? created.AddDays(random.NextDouble() * (now - created).TotalDays * 0.8) : created;
            people.Add(new DemoPerson(
                NewId(random), $"{Ascii(given)}.{Ascii(family)}.{i}{tag}@{DemoNames.EmailDomain}", $"{given} {family}",
                DemoNames.JobTitles[random.Next(DemoNames.JobTitles.Length)], random.Next(10) == 0 ? "fr" : null,
                unit.Id, created, joined, moved ? weighted[random.Next(weighted.Length)].Id : null, Accounts.Roles.Learner));
        }
        return people;
    }

    /// <summary>A coordinator for each region, placed in it, and one admin without a unit.</summary>
    public static List<DemoPerson> Staff(List<DemoUnit> units, string tag, Random random, DateTime now)
    {
        var created = now.AddYears(-3);
        var staff = units.Where(u => u.Depth == 1).Select((u, i) => new DemoPerson(
            NewId(random), $"coordinator.{i + 1}{tag}@{DemoNames.EmailDomain}", $"Coordinator {u.Path.Split(Unit.PathSeparator)[^1]}",
            "Training coordinator", null, u.Id, created, created, null, Accounts.Roles.Coordinator)).ToList();
        staff.Add(new DemoPerson(NewId(random), $"admin{tag}@{DemoNames.EmailDomain}", "Demo Admin", null, null, null, created, created, null, Accounts.Roles.Admin));
        return staff;
    }

    public static string NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Ascii(string name)
    {
        var letters = name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(letters.ToArray()).ToLowerInvariant();
    }
}
