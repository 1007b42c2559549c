using System.Globalization;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// The language a learner reads courses in: the request's UI culture (set by request localisation from
/// the query string, the culture cookie or the browser). Course translations are chosen from it.
/// </summary>
public static class LearnerLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
