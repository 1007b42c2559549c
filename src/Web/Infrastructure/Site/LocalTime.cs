using System.Globalization;
using System.Security.Claims;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// Dates and times as the person reads them: in the request's language and in the time zone of their
/// profile (UTC when they have none). The database keeps UTC; views format through here.
/// </summary>
public sealed class LocalTime(IHttpContextAccessor http)
{
    private TimeZoneInfo? zone;

    public TimeZoneInfo Zone => zone ??= http.HttpContext?.User.FindFirstValue(Localisation.TimeZoneClaim) is { Length: > 0 } id
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"1 Dec 2026", the day it was where the person is.</summary>
    public string Day(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"1 December 2026".</summary>
    public string LongDay(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A calendar date (due dates): no time zone to apply.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"1 Dec 2026, 14:05 (Europe/Paris)": a moment, with the zone it is shown in.</summary>
    public string Moment(DateTime utc) =>
        string.Create(CultureInfo.CurrentCulture, $"{ToLocal(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture)} ({(Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id)})");

    /// <summary>For the <c>datetime</c> attribute of <c>&lt;time&gt;</c>.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
