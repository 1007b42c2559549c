using System.Globalization;
using Training.Assessment.Certificates;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Certificates;

/// <summary>
/// <c>dotnet run --project src/Web -- certificate verify &lt;payload&gt; [--public-key file.pem]</c>: checks the
/// signed payload from a certificate's QR code (the part after '#') without the site or a connection.
/// Without --public-key it uses the public half of this site's signing key.
/// </summary>
public static class CertificateCommand
{
    public static bool Matches(string[] args) => args is ["certificate", ..];

    public static int Run(string[] args, IConfiguration configuration, string contentRoot, TextWriter output)
    {
        if (args is not ["certificate", "verify", var payload, ..] || (args.Length != 3 && args is not [_, _, _, "--public-key", _]))
        {
            output.WriteLine("Usage: dotnet run --project src/Web -- certificate verify <payload> [--public-key file.pem]");
            return 2;
        }
        string publicKey;
        if (args.Length == 5)
        {
            publicKey = File.ReadAllText(args[4]);
        }
        else
        {
            var certificates = configuration.GetSection(CertificateOptions.Section).Get<CertificateOptions>() ?? new CertificateOptions();
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            var keyFile = CertificateRegistration.SigningKeyFile(certificates, storage, contentRoot);
            if (!File.Exists(keyFile))
            {
                output.WriteLine($"No signing key at {keyFile}: pass the site's public key with --public-key.");
                return 2;
            }
            using var signer = CertificateSigner.FromFile(keyFile);
            publicKey = signer.PublicKeyPem;
        }

        // A whole QR text works too: take what follows '#'.
        var hash = payload.IndexOf('#', StringComparison.Ordinal);
        var claims = CertificateSigner.Verify(hash >= 0 ? payload[(hash + 1)..] : payload, publicKey);
        if (claims is null)
        {
            output.WriteLine("NOT VALID: the payload was changed or was not signed with this key.");
            return 1;
        }
        output.WriteLine("Signature valid.");
        output.WriteLine($"Code:      {claims.Code}");
        output.WriteLine($"Name:      {claims.LearnerName}");
        output.WriteLine($"Course:    {claims.CourseTitle}");
        output.WriteLine($"Completed: {claims.CompletedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        output.WriteLine($"Expires:   {claims.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}");
        if (claims.ExpiresOn is { } expires && expires < DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime))
        {
            output.WriteLine("The certificate has EXPIRED. Revocation can only be checked online, at /verify/<code>.");
        }
        return 0;
    }
}
