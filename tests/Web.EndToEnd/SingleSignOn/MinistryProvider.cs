using System.Net;
using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Training.Web.EndToEnd.SingleSignOn;

/// <summary>Who the provider says is signing in: its subject, address, whether it verified it and name; or that it refuses them.</summary>
public sealed record ProviderPerson(string Subject, string Email, bool EmailVerified, string Name, bool Refused = false);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a Kestrel port of 127.0.0.1, standing in for the ministry's.
/// One client is registered (the site under test, with its secret and redirect URI). The authorization endpoint
/// signs in <see cref="NextPerson"/> at once, as a provider does for someone already logged in there who has
/// consented. Degraded mode: no database; the client checks are the two handlers below.
/// </summary>
public sealed class MinistryProvider : IAsyncDisposable
{
    public const string ClientId = "training-site";
    public const string ClientSecret = "a secret only the site and the provider know";

    private readonly WebApplication app;
    private int authorizations;

    public MinistryProvider(string siteBaseUrl, int port)
    {
        Issuer = $"http://127.0.0.1:{port}/";
        var redirectUri = siteBaseUrl + "/signin-oidc";
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(Issuer));
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri != redirectUri)
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not the one registered for this client.");
                }
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
        });

        app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var person = NextPerson ?? throw new InvalidOperationException("The test did not say who signs in.");
            Interlocked.Increment(ref authorizations);
            if (person.Refused)
            {
                // The person said no at the provider (or the provider turned them away): access_denied.
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, person.Subject));
            identity.AddClaim(new Claim(Claims.Email, person.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            identity.AddClaim(new Claim(Claims.Name, person.Name));
            // The ministry's own idea of the person's role: the site must not take it.
            identity.AddClaim(new Claim(Claims.Role, "Admin"));
            identity.AddClaim(new Claim(ClaimTypes.Role, "Admin"));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
    }

    /// <summary>The issuer address, which is the site's SingleSignOn:Authority.</summary>
    public string Issuer { get; }

    /// <summary>Who the next authorization request signs in (tests in a class run one at a time).</summary>
    public ProviderPerson? NextPerson { get; set; }

    /// <summary>How many times the authorization endpoint has signed someone in: proof the browser went there.</summary>
    public int Authorizations => Volatile.Read(ref authorizations);

    public Task StartAsync() => app.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
