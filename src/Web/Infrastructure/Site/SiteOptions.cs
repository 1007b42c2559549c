using System.ComponentModel.DataAnnotations;

namespace Training.Web.Infrastructure.Site;

/// <summary>The <c>Site</c> section.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The public address (for links in e-mails and certificates). Empty: taken from the request.</summary>
    public string? BaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(BaseUrl)
            && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Site:BaseUrl must be an absolute http or https address.", [nameof(BaseUrl)]);
        }
    }
}
