using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Training.Web.Features.SingleSignOn;

public static class SingleSignOnRegistration
{
    /// <summary>The external log-in scheme; its callback path is the redirect URI registered at the provider.</summary>
    public const string Scheme = "oidc";

    public const string CallbackPath = "/signin-oidc";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SingleSignOnOptions>().BindConfiguration(SingleSignOnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SingleSignOnSignIn>();

        // The scheme exists only when switched on: with it off, nothing about the provider is registered or fetched.
        if (!configuration.GetValue<bool>($"{SingleSignOnOptions.Section}:{nameof(SingleSignOnOptions.Enabled)}"))
        {
            return services;
        }
        services.AddAuthentication().AddOpenIdConnect(Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<SingleSignOnOptions>, IHostEnvironment>((oidc, sso, environment) => Apply(oidc, sso.Value, environment));
        return services;
    }

    private static void Apply(OpenIdConnectOptions oidc, SingleSignOnOptions sso, IHostEnvironment environment)
    {
        // The provider only proves who the person is; Identity's external cookie carries that to /sso/callback,
        // where SingleSignOnSignIn signs them in with this site's own cookie (roles and units from the database).
        oidc.SignInScheme = IdentityConstants.ExternalScheme;
        oidc.Authority = sso.Authority;
        oidc.ClientId = sso.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        oidc.CallbackPath = CallbackPath;
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        oidc.Scope.Add("email");
        oidc.Scope.Add("profile");
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = sso.GetClaimsFromUserInfoEndpoint;
        // Not mapped by default: without it the claim would be lost when read from the userinfo endpoint.
        oidc.ClaimActions.MapUniqueJsonKey(SingleSignOnClaims.EmailVerifiedType, SingleSignOnClaims.EmailVerifiedType);

        oidc.Events.OnRemoteFailure = context =>
        {
            // Refused or cancelled at the provider, or an answer that does not check out (expired, replayed,
            // wrong issuer): the callback finds no external log-in and sends the person back to the log-in page
            // with a message, rather than an error page.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnRegistration))
                .LogWarning(context.Failure, "Single sign-on did not finish.");
            context.Response.Redirect("/sso/callback");
            context.HandleResponse();
            return Task.CompletedTask;
        };

        var requireHttps = sso.RequireHttpsMetadata ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
        oidc.RequireHttpsMetadata = requireHttps;
        if (!requireHttps)
        {
            // The correlation and nonce cookies are SameSite=None, which browsers accept only when Secure, so over
            // plain HTTP (a developer's machine, the tests) they are Lax and not Secure. The provider must then be
            // on the same site (host) for its form_post back to carry them, as a local test provider is.
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        }
    }
}
