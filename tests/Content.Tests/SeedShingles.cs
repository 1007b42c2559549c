namespace Training.Content.Tests;

/// <summary>
/// The sources' shingle hashes: computed from ../shared/seeds when the machine has the sources, otherwise
/// read from Fixtures/seed-shingles.bin (kept in step by <see cref="ContentRulesTests"/>).
/// </summary>
public static class SeedShingles
{
    public static string FixtureFile => Path.Combine(Repository.FixtureFolder, "seed-shingles.bin");

    public static string SeedListFile => Path.Combine(Repository.FixtureFolder, "seed-files.txt");

    public static bool SeedsPresent => Directory.Exists(Repository.SeedsFolder);

    public static HashSet<ulong> FromSeeds() =>
        Directory.GetFiles(Repository.SeedsFolder, "*.txt").SelectMany(f => Shingles.Of(File.ReadAllText(f))).Select(s => s.Hash).ToHashSet();

    public static HashSet<ulong> FromFixture()
    {
        var bytes = File.ReadAllBytes(FixtureFile);
        var hashes = new HashSet<ulong>();
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
        {
            hashes.Add(BitConverter.ToUInt64(bytes, i));
        }
        return hashes;
    }

    public static HashSet<ulong> Load() => SeedsPresent ? FromSeeds() : FromFixture();

    public static IReadOnlySet<string> SeedFileNames() => SeedsPresent
        ? Directory.GetFiles(Repository.SeedsFolder, "*.txt").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
        : File.ReadAllLines(SeedListFile).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static void WriteFixture()
    {
        Directory.CreateDirectory(Repository.FixtureFolder);
        var sorted = FromSeeds().Order().ToList();
        using var file = File.Create(FixtureFile);
        foreach (var hash in sorted)
        {
            file.Write(BitConverter.GetBytes(hash));
        }
        File.WriteAllLines(SeedListFile, SeedFileNames().Order(StringComparer.Ordinal));
    }
}
