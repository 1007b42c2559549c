using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Accounts;

public static class AccountsRegistration
{
    /// <summary>
    /// Identity UI pages the site has no use for; without a route they answer 404. The one external log-in,
    /// single sign-on (Features/SingleSignOn), has its own controller and links accounts itself, so neither
    /// ExternalLogin nor ExternalLogins is used, nor SetPassword (an account made through single sign-on sets a
    /// password with "Forgot your password?"); the cookie sends refusals to /error/403 rather
    /// than AccessDenied, and errors show /error/500 rather than the area's Error page. Every other account
    /// page is our own, in Areas/Identity/Pages (IdentityPagesTests keeps it so).
    /// </summary>
    public static IReadOnlyList<string> UnusedIdentityPages { get; } =
    [
        "/Account/AccessDenied", "/Account/ExternalLogin", "/Account/Manage/ExternalLogins", "/Account/Manage/SetPassword", "/Error",
    ];

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddDefaultIdentity<TrainingUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;

                // OWASP ASVS 5.0: length matters, composition rules do not (PasswordPolicyValidator adds the rest).
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrainingDbContext>()
            .AddClaimsPrincipalFactory<TrainingClaimsFactory>()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var page in UnusedIdentityPages)
            {
                options.Conventions.AddAreaPageRouteModelConvention("Identity", page, model => model.Selectors.Clear());
            }
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "Training.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.AccessDeniedPath = "/error/403";
            cookie.SlidingExpiration = true;
        });
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section);
        services.AddSingleton<StaffTwoFactor>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SessionOptions>, TimeProvider>((cookie, sessions, clock) => SessionLifetimes.Apply(cookie, sessions.Value, clock));
        // A role change made by an admin reaches the person's session within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Keys in the database: a restart or a second instance keeps everyone logged in.
        services.AddDataProtection().SetApplicationName("Training").PersistKeysToDbContext<TrainingDbContext>();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AttemptLimitOptions>().BindConfiguration(AttemptLimitOptions.Section);
        services.AddSingleton<AttemptLimiter>();
        services.AddScoped<OutboxEmailSender>();
        services.AddScoped<IEmailSender>(sp => sp.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MailKitEmailSender>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<MailTemplates>();
        services.AddScoped<AccountMail>();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteUrls>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<LocalTime>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<AccountDeletion>();

        services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.Section);
        services.AddScoped<AccountSeeder>();
        return services;
    }
}
