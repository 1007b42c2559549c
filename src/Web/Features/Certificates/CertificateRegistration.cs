using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Training.Assessment.Certificates;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Certificates;

public static class CertificateRegistration
{
    public const string VerifyRateLimit = "verify";

    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddSingleton(sp => CertificateSigner.FromFile(SigningKeyFile(
            sp.GetRequiredService<IOptions<CertificateOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));

        // The verification page is public: a small budget per address makes guessing codes hopeless
        // (codes have 128 random bits anyway) and keeps scrapers from hammering it.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    Accounts.AttemptLimiter.MarkRefused(context.HttpContext.Response, retryAfter);
                }
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(VerifyRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static string SigningKeyFile(CertificateOptions certificates, StorageOptions storage, string contentRoot) =>
        string.IsNullOrWhiteSpace(certificates.SigningKeyFile)
            ? Path.Combine(storage.ResolveDataFolder(contentRoot), "keys", "certificate-signing-key.pem")
            : Path.GetFullPath(certificates.SigningKeyFile, contentRoot);
}
