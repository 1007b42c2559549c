using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.ResponseCompression;

namespace Training.Web.Infrastructure.Site;

public static class SiteShellRegistration
{
    // A culture listed here without its SharedResource.<culture>.resx shows English interface text, but
    // its courses' translations (the learner's language is the request's UI culture).
    public static IReadOnlyList<CultureInfo> SupportedCultures => Localisation.Cultures;

    public static IServiceCollection AddSiteShell(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations()
            // Jobs (reminders, invitations sent later) have no request to take the address from: outside Development
            // their links would point at localhost. (The test harness, "Testing", gives each site its own address.)
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing") || !string.IsNullOrWhiteSpace(o.BaseUrl),
                "Site:BaseUrl is not set: outside Development, set it to the site's public address (https://training.example.gov) so links in e-mails and certificates work.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(Localisation.Configure);

        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddRazorPages();

        // Views sit beside their controller in Features/<Controller>/.
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });

        services.AddAuthorization();
        services.AddPageCompression();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        // Cookies are HttpOnly and SameSite=Lax (Identity's and anti-forgery's defaults, kept), and Secure on
        // every HTTPS request; behind a proxy that ends TLS, forward X-Forwarded-Proto so requests count as HTTPS.
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddLivenessCheck();
        return services;
    }

    public static WebApplication UseSiteShell(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Data.DiagnosticsOptions>>().Value.CountSql)
        {
            app.UseMiddleware<Data.SqlCountingMiddleware>();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            // Browsers remember for a year to use HTTPS only (sent on HTTPS responses; localhost is exempt).
            app.UseHsts();
        }
        app.UseResponseCompression();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the profile's language comes first.
        app.UseRequestLocalization();
        app.UseAuthorization();
        // Admins and coordinators set up two-factor authentication before anything else.
        app.UseMiddleware<Training.Web.Features.Accounts.StaffTwoFactorMiddleware>();
        app.UseRateLimiter();

        // Fingerprinted URLs (site.<hash>.css) with a year's immutable caching, and the build's .br/.gz copies.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoints();
        // Every page needs a signed-in user unless it says otherwise ([AllowAnonymous]). Set on the
        // endpoints rather than as a fallback policy, so an unknown address gets a 404, not a log-in page.
        // WithStaticAssets lets asp-append-version write the fingerprinted URL rather than "?v=".
        app.MapControllers().RequireAuthorization().WithStaticAssets();
        app.MapRazorPages().RequireAuthorization().WithStaticAssets();
        return app;
    }

    /// <summary>Pages are compressed on the fly; static files come pre-compressed from the build.</summary>
    private static void AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // See SameOriginCompressionProvider and docs/architecture.md for why HTTPS is safe here.
            options.EnableForHttps = true;
            // gzip first: on a 20 KB module page it gives 6.8 KB for 0.13 ms of CPU, Brotli 6.6 KB for 0.25-0.3 ms
            // ("Optimal", quality 4) or 7.1 KB at quality 2 (bench/README.md, "Where the CPU goes"). Brotli stays for
            // a browser that accepts only Brotli.
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add<BrotliCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml"];
        });
        // A page is a few kilobytes: the better ratio is worth the little extra CPU on slow links.
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<IResponseCompressionProvider, SameOriginCompressionProvider>();
    }
}
