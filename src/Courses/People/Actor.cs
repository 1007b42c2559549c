namespace Training.Courses.People;

/// <summary>
/// Who is acting (in a request or on the command line) and which units they may see. Resolved once
/// (<see cref="ActorResolver"/>); every coordinator query starts from it through <see cref="UnitScope"/>.
/// </summary>
public sealed class Actor
{
    private readonly HashSet<int>? unitIds;

    private Actor(string? userId, string name, string? ipAddress, bool isAdmin, bool isCoordinator, HashSet<int>? unitIds)
    {
        UserId = userId;
        Name = name;
        IpAddress = ipAddress;
        IsAdmin = isAdmin;
        IsCoordinator = isCoordinator;
        this.unitIds = unitIds;
    }

    public string? UserId { get; }

    /// <summary>The e-mail address, or "command line"; written into audit entries.</summary>
    public string Name { get; }

    public string? IpAddress { get; }

    public bool IsAdmin { get; }

    public bool IsCoordinator { get; }

    /// <summary>Admins and the command line see every unit and every person.</summary>
    public bool SeesEverything => unitIds is null;

    /// <summary>The units in scope (coordinated units and everything below them); empty when none.</summary>
    public IReadOnlyCollection<int> UnitIds => unitIds ?? throw new InvalidOperationException("This actor sees every unit.");

    public bool CanSeeUnit(int? unitId) => unitIds is null || (unitId is int id && unitIds.Contains(id));

    public static Actor Everything(string? userId, string name, string? ipAddress, bool isAdmin) =>
        new(userId, name, ipAddress, isAdmin, isCoordinator: false, unitIds: null);

    public static Actor Scoped(string userId, string name, string? ipAddress, bool isCoordinator, IEnumerable<int> unitIds) =>
        new(userId, name, ipAddress, isAdmin: false, isCoordinator, [.. unitIds]);

    /// <summary>An anonymous visitor (a failed log-in, an invitation link): sees nothing.</summary>
    public static Actor Anonymous(string? ipAddress) => new(null, "anonymous", ipAddress, false, false, []);

    /// <summary>The command line: run by whoever can reach the server's console and database.</summary>
    public static Actor CommandLine() => Everything(null, $"command line ({Environment.UserName}@{Environment.MachineName})", null, isAdmin: true);
}
