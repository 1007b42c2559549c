using System.ComponentModel.DataAnnotations;

namespace Training.Assessment.Certificates;

/// <summary>The <c>Certificates</c> section.</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    /// <summary>The organisation named on every certificate as its issuer.</summary>
    [Required]
    public string IssuerName { get; set; } = "Training";

    /// <summary>
    /// PEM file of the ECDSA P-256 private key that signs certificates. Keep it outside the web root.
    /// Empty: keys/certificate-signing-key.pem in the data folder, created on first start.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How long before expiry a learner may renew a certificate by passing the final assessment again.</summary>
    [Range(0, 3650)]
    public int RecertificationWindowDays { get; set; } = 90;
}
