namespace Training.Web.Features.Accounts;

/// <summary>The <c>DemoAccounts</c> section: one account per role for trying the site (Development only).</summary>
public sealed class DemoAccountOptions
{
    public const string Section = "DemoAccounts";

    public bool Seed { get; set; }

    /// <summary>Password for new demo accounts; empty means a random one, printed once at start.</summary>
    public string? Password { get; set; }

    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@example.org";
}
