using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Training.Assessment.Certificates;

/// <summary>What a signed certificate payload states.</summary>
public sealed record CertificateClaims(string Code, string LearnerName, string CourseTitle, DateOnly CompletedOn, DateOnly? ExpiresOn);

/// <summary>
/// Signs a compact statement of a certificate with the site's ECDSA P-256 key, so it can be checked with
/// the public key alone, offline. The payload is base64url(text) "." base64url(DER signature over the
/// text with SHA-256): the form <c>openssl dgst -sha256 -verify</c> reads.
/// </summary>
public sealed class CertificateSigner(ECDsa key) : IDisposable
{
    private const string Header = "TC1";

    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    public string Sign(CertificateClaims claims)
    {
        var text = Encoding.UTF8.GetBytes(string.Join('\n', Header, claims.Code, claims.LearnerName, claims.CourseTitle,
            claims.CompletedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            claims.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"));
        var signature = key.SignData(text, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return WebEncoders.Base64UrlEncode(text) + "." + WebEncoders.Base64UrlEncode(signature);
    }

    /// <summary>The claims when the payload is intact and signed by the key; null otherwise.</summary>
    public static CertificateClaims? Verify(string payload, string publicKeyPem)
    {
        var dot = payload.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }
        byte[] text, signature;
        try
        {
            text = WebEncoders.Base64UrlDecode(payload[..dot]);
            signature = WebEncoders.Base64UrlDecode(payload[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
        // Base64url decoding ignores some changes (padding bits): re-encode to refuse any altered character.
        if (WebEncoders.Base64UrlEncode(text) + "." + WebEncoders.Base64UrlEncode(signature) != payload)
        {
            return null;
        }
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(publicKeyPem);
        if (!publicKey.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(text).Split('\n');
        if (parts.Length != 6 || parts[0] != Header)
        {
            return null;
        }
        return new CertificateClaims(parts[1], parts[2], parts[3],
            DateOnly.ParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            parts[5] == "-" ? null : DateOnly.ParseExact(parts[5], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Loads the key from its PEM file, or creates one there (readable by the owner only).</summary>
    public static CertificateSigner FromFile(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return new CertificateSigner(key);
    }

    public void Dispose() => key.Dispose();
}
