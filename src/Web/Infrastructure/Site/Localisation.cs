using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Training.Courses.People;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// The site's languages and how a request's language is chosen: a <c>?culture=</c> link, then the
/// person's profile, then the language switcher's cookie, then the browser, then English.
/// </summary>
public static class Localisation
{
    /// <summary>The profile's language, carried in the sign-in cookie.</summary>
    public const string LanguageClaim = "training:language";

    /// <summary>The profile's time zone (IANA), carried in the sign-in cookie.</summary>
    public const string TimeZoneClaim = "training:timezone";

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [Culture("en"), Culture("fr"), Culture("es"), Culture("ar")];

    public static bool IsSupported(string? name) => Cultures.Any(c => c.Name == name);

    /// <summary>A language named in itself, as a switcher shows it ("Français", "العربية").</summary>
    public static string NativeName(CultureInfo culture) => culture.Name switch
    {
        "en" => "English",
        "fr" => "Français",
        "es" => "Español",
        "ar" => "العربية",
        _ => culture.NativeName,
    };

    /// <summary>Dates in the Gregorian calendar in every language (Arabic locales may default to another).</summary>
    private static CultureInfo Culture(string name)
    {
        var culture = new CultureInfo(name);
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().First();
        }
        return CultureInfo.ReadOnly(culture);
    }

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
        options.SupportedCultures = [.. Cultures];
        options.SupportedUICultures = [.. Cultures];
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new ProfileRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }

    private sealed class ProfileRequestCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(httpContext.User.FindFirstValue(LanguageClaim) is { Length: > 0 } language
                ? new ProviderCultureResult(language)
                : null);
    }
}

/// <summary>Adds the profile's language and time zone to the sign-in cookie.</summary>
public sealed class TrainingClaimsFactory(UserManager<TrainingUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrainingUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrainingUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Language is { Length: > 0 } language)
        {
            identity.AddClaim(new Claim(Localisation.LanguageClaim, language));
        }
        if (user.TimeZoneId is { Length: > 0 } zone)
        {
            identity.AddClaim(new Claim(Localisation.TimeZoneClaim, zone));
        }
        return identity;
    }
}
