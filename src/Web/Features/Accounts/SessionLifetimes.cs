using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Training.Web.Features.Accounts;

/// <summary>The <c>Sessions</c> section: how long a log-in lasts.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session unused this long ends (sliding). Learners often share computers: a working day by default.</summary>
    [Range(5, 7 * 24 * 60)]
    public int IdleMinutes { get; set; } = 600;

    /// <summary>However busy, a session ends this long after its log-in, "keep me logged in" included (30 days by default).</summary>
    [Range(1, 90 * 24)]
    public int AbsoluteHours { get; set; } = 720;
}

/// <summary>
/// Idle and absolute lifetimes of the log-in cookie. The moment of the log-in is kept in the cookie's properties
/// (a refresh after a language or password change keeps it), and every request checks it before Identity's
/// security-stamp check, which ends a person's other sessions within a minute of a password or role change.
/// </summary>
public static class SessionLifetimes
{
    private const string SignedInAt = "training:signed-in-at";

    public static void Apply(CookieAuthenticationOptions cookie, SessionOptions sessions, TimeProvider clock)
    {
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(sessions.IdleMinutes);
        var absolute = TimeSpan.FromHours(sessions.AbsoluteHours);
        var signingIn = cookie.Events.OnSigningIn;
        cookie.Events.OnSigningIn = context =>
        {
            context.Properties.Items.TryAdd(SignedInAt, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            return signingIn(context);
        };
        var validate = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var since = context.Properties.Items.TryGetValue(SignedInAt, out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : context.Properties.IssuedUtc;
            if (since is { } start && clock.GetUtcNow() - start > absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validate(context);
        };
    }
}
