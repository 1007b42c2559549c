namespace Training.Content.Tests;

/// <summary>
/// The sources' shingle hashes: computed from ../shared/seeds when the machine has the sources, otherwise
/// read from Fixtures/seed-shingles.bin (kept in step by <see cref="ContentRulesTests"/>).
/// </summary>
public static class SeedShingles
{
    public static string FixtureFile => Path.Combine(Repository.FixtureFolder, "seed-shingles.bin");

    public static string SeedListFile => Path.Combine(Repository.FixtureFolder, "seed-files.txt");

    public static string ContentFixtureFile => Path.Combine(Repository.FixtureFolder, "seed-content-shingles.bin");

    public static bool SeedsPresent => Directory.Exists(Repository.SeedsFolder);

    public static HashSet<ulong> FromSeeds() => FromSeeds(Shingles.Of);

    /// <summary>The sources' runs of content words (<see cref="Shingles.ContentOf"/>).</summary>
    public static HashSet<ulong> ContentFromSeeds() => FromSeeds(Shingles.ContentOf);

    private static HashSet<ulong> FromSeeds(Func<string, IEnumerable<(string Text, ulong Hash)>> shingles) =>
        Directory.GetFiles(Repository.SeedsFolder, "*.txt").SelectMany(f => shingles(File.ReadAllText(f))).Select(s => s.Hash).ToHashSet();

    public static HashSet<ulong> FromFixture() => FromFixture(FixtureFile);

    public static HashSet<ulong> ContentFromFixture() => FromFixture(ContentFixtureFile);

    private static HashSet<ulong> FromFixture(string fixture)
    {
        var bytes = File.ReadAllBytes(fixture);
        var hashes = new HashSet<ulong>();
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
        {
            hashes.Add(BitConverter.ToUInt64(bytes, i));
        }
        return hashes;
    }

    public static HashSet<ulong> Load() => SeedsPresent ? FromSeeds() : FromFixture();

    public static HashSet<ulong> LoadContent() => SeedsPresent ? ContentFromSeeds() : ContentFromFixture();

    public static IReadOnlySet<string> SeedFileNames() => SeedsPresent
        ? Directory.GetFiles(Repository.SeedsFolder, "*.txt").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal)
        : File.ReadAllLines(SeedListFile).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static void WriteFixture()
    {
        Directory.CreateDirectory(Repository.FixtureFolder);
        Write(FixtureFile, FromSeeds());
        Write(ContentFixtureFile, ContentFromSeeds());
        File.WriteAllLines(SeedListFile, SeedFileNames().Order(StringComparer.Ordinal));
    }

    private static void Write(string fixture, HashSet<ulong> hashes)
    {
        using var file = File.Create(fixture);
        foreach (var hash in hashes.Order())
        {
            file.Write(BitConverter.GetBytes(hash));
        }
    }
}
