using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// Health endpoints for load balancers and orchestrators, anonymous and never cached (the health-check
/// middleware sends <c>Cache-Control: no-store, no-cache</c>); the answer is one word (Healthy, Degraded,
/// Unhealthy), nothing about people or the configuration.
/// <list type="bullet">
/// <item><c>/health/live</c>: the process answers. No check does any work (no database), so it is as cheap
/// as an answer can be: restart the process when it stops answering.</item>
/// <item><c>/health/ready</c>: the database answers a trivial query and the Quartz scheduler is started;
/// 503 otherwise. Send traffic only while it answers 200.</item>
/// <item><c>/health</c>: the same as <c>/health/ready</c> (what it checked before the split, plus the scheduler).</item>
/// </list>
/// The endpoints short-circuit after routing: no authentication, localisation, authorisation or rate
/// limiting runs for them.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the checks <c>/health/live</c> runs.</summary>
    public const string Live = "live";

    /// <summary>Tag of the checks <c>/health/ready</c> (and <c>/health</c>) run.</summary>
    public const string Ready = "ready";

    public static IServiceCollection AddLivenessCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Live]);
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live) };
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/health/live", live).AllowAnonymous().ShortCircuit();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous().ShortCircuit();
        app.MapHealthChecks("/health", ready).AllowAnonymous().ShortCircuit();
        return app;
    }
}
