using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Training.Web.Features.Accounts;

/// <summary>Budgets for the forms that guess or probe accounts (log-in, registration, password reset, ...).</summary>
public sealed class AttemptLimitOptions
{
    public const string Section = "AttemptLimits";

    /// <summary>Posts of one form from one network address per window. High enough for a border post behind one address at shift change.</summary>
    public int PerAddress { get; set; } = 60;

    /// <summary>Posts of one form naming one account (e-mail address or invitation) per window, from anywhere.</summary>
    public int PerAccount { get; set; } = 10;

    public int WindowMinutes { get; set; } = 15;
}

/// <summary>
/// Slows guessing both ways: many passwords against one account (counted per account named in the form,
/// whether or not it exists, so the answer never tells) and one password against many accounts (counted per
/// network address). A refused post answers 429 with Retry-After. Identity's lockout still counts failures.
/// </summary>
public sealed class AttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public AttemptLimiter(IOptions<AttemptLimitOptions> options)
    {
        var settings = options.Value;
        var window = TimeSpan.FromMinutes(settings.WindowMinutes);
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("account:", StringComparison.Ordinal) ? settings.PerAccount : settings.PerAddress,
            Window = window,
            QueueLimit = 0,
        }));
    }

    /// <param name="form">Which form: each has its own budget.</param>
    /// <param name="account">The account the post names (an e-mail address, an invitation token); null when it names none.</param>
    /// <returns>Null when the post may go on; else how long to wait.</returns>
    public TimeSpan? Refuse(string form, HttpContext context, string? account)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using (var byAddress = limiter.AttemptAcquire($"address:{form}:{address}"))
        {
            if (!byAddress.IsAcquired)
            {
                return Wait(byAddress);
            }
        }
        if (!string.IsNullOrWhiteSpace(account))
        {
            using var byAccount = limiter.AttemptAcquire($"account:{form}:{account.Trim().ToUpperInvariant()}");
            if (!byAccount.IsAcquired)
            {
                return Wait(byAccount);
            }
        }
        return null;
    }

    /// <summary>Marks the response as refused for now: 429 and Retry-After in whole seconds.</summary>
    public static void MarkRefused(HttpResponse response, TimeSpan wait)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Minutes to show the person, at least one.</summary>
    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    private static TimeSpan Wait(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);

    public void Dispose() => limiter.Dispose();
}
