using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Accounts;

/// <summary>The <c>TwoFactor</c> section.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "TwoFactor";

    /// <summary>
    /// Admins and coordinators must use two-factor authentication. Unset means on everywhere except
    /// Development (where the demo accounts sign in with a password only).
    /// </summary>
    public bool? RequiredForStaff { get; set; }
}

/// <summary>
/// The one rule for who must use two-factor authentication, and its enforcement: an admin or coordinator
/// without it reaches nothing but the pages that set it up (and log-out, errors, language) until it is on.
/// Checked against the database on each of their requests, so turning it on takes effect at once.
/// </summary>
public sealed class StaffTwoFactor(IOptions<TwoFactorOptions> options, IHostEnvironment environment)
{
    public const string SetUpPage = "/Identity/Account/Manage/EnableAuthenticator";

    /// <summary>The pages a person who must set up two-factor authentication may still use.</summary>
    private static readonly string[] AllowedWhileMissing =
    [
        SetUpPage,
        "/Identity/Account/Manage/ShowRecoveryCodes",
        "/Identity/Account/Manage/TwoFactorAuthentication",
        "/Identity/Account/Manage/ResetAuthenticator",
        "/Identity/Account/Logout",
        "/error/",
        "/language",
    ];

    public bool Required => options.Value.RequiredForStaff ?? !environment.IsDevelopment();

    /// <summary>Whether this person's roles oblige them to use two-factor authentication.</summary>
    public bool IsRequiredFor(ClaimsPrincipal user) =>
        Required && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator));

    public static bool MayUseWhileMissing(PathString path) =>
        AllowedWhileMissing.Any(p => path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    public static async Task<bool> IsOnAsync(TrainingDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync(cancellationToken);
}

/// <summary>Sends an admin or coordinator without two-factor authentication to its set-up page.</summary>
public sealed class StaffTwoFactorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, StaffTwoFactor rule, TrainingDbContext db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && rule.IsRequiredFor(user) && !StaffTwoFactor.MayUseWhileMissing(context.Request.Path)
            && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && !await StaffTwoFactor.IsOnAsync(db, userId, context.RequestAborted))
        {
            context.Response.Redirect(StaffTwoFactor.SetUpPage);
            return;
        }
        await next(context);
    }
}
