namespace Training.Web.Features.Accounts;

/// <summary>The <c>DemoAccounts</c> section: one account per role for trying the site (Development only).</summary>
public sealed class DemoAccountOptions
{
    public const string Section = "DemoAccounts";

    public bool Seed { get; set; }

    /// <summary>Password for new demo accounts; empty means a random one, printed once at start.</summary>
    public string? Password { get; set; }

    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@example.org";

    /// <summary>The people of the demo organisation besides the one account per role (same password).</summary>
    public static IReadOnlyList<(string Email, string FullName, string Role)> People { get; } =
    [
        ("coordinator.south@example.org", "Demo Coordinator South", Roles.Coordinator),
        ("amina.haddad@example.org", "Amina Haddad", Roles.Learner),
        ("jonas.berg@example.org", "Jonas Berg", Roles.Learner),
        ("carmen.lopez@example.org", "Carmen López", Roles.Learner),
        ("thabo.nkosi@example.org", "Thabo Nkosi", Roles.Learner),
    ];
}
