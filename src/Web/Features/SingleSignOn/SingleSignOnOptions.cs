using System.ComponentModel.DataAnnotations;

namespace Training.Web.Features.SingleSignOn;

/// <summary>The <c>SingleSignOn</c> section: log-in through the ministry's OpenID Connect provider (off by default).</summary>
public sealed class SingleSignOnOptions : IValidatableObject
{
    public const string Section = "SingleSignOn";

    public bool Enabled { get; set; }

    /// <summary>The provider's issuer address; its metadata is read from <c>/.well-known/openid-configuration</c> below it.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (PKCE alone); keep it out of appsettings.json (environment variable or secrets).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the log-in page's button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "the ministry account";

    /// <summary>
    /// When nobody here has the provider's verified address: false (the default) refuses, so only people the site
    /// already knows (registered, imported or invited) get in; true creates a learner account for them.
    /// </summary>
    public bool CreateAccounts { get; set; }

    /// <summary>Metadata and sign-in cookies over HTTPS only. Empty: required everywhere but Development and Testing.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Also read the person's claims from the provider's userinfo endpoint (for providers that leave e-mail out of the ID token).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Authority))
        {
            yield return new ValidationResult("SingleSignOn:Authority is not set: with SingleSignOn:Enabled, set it to the provider's issuer address (https://login.ministry.example).", [nameof(Authority)]);
        }
        else if (!(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("SingleSignOn:Authority must be an absolute https address.", [nameof(Authority)]);
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("SingleSignOn:ClientId is not set: with SingleSignOn:Enabled, set it to the client id the provider gave this site.", [nameof(ClientId)]);
        }
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            yield return new ValidationResult("SingleSignOn:DisplayName is empty: it names the provider on the log-in page's button.", [nameof(DisplayName)]);
        }
    }

    /// <summary>The provider's origin, which the log-in page's form may be sent on to (Content-Security-Policy form-action).</summary>
    public string? AuthorityOrigin =>
        Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
