using System.Security.Claims;

namespace Training.Web.Features.SingleSignOn;

/// <summary>
/// What the site reads from the provider's identity: the address, whether the provider verified it, and a name
/// for a new account. Nothing else (no roles, no units) is taken from the provider.
/// </summary>
public sealed record SingleSignOnClaims(string? Email, bool EmailVerified, string? Name)
{
    public const string EmailVerifiedType = "email_verified";

    // The handler maps some JWT names to .NET claim types (email), others it keeps (email_verified, name): read both.
    public static SingleSignOnClaims From(ClaimsPrincipal principal) => new(
        First(principal, "email", ClaimTypes.Email),
        // A boolean in the token; some providers send it as the string "true".
        string.Equals(First(principal, EmailVerifiedType), "true", StringComparison.OrdinalIgnoreCase),
        First(principal, "name", ClaimTypes.Name));

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();
}
