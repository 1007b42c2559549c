using System.Globalization;

namespace Training.Courses.Catalog;

/// <summary>Facts about the language a text is written in, for the lang and dir attributes of the pages that show it.</summary>
public static class ContentLanguage
{
    /// <summary>"rtl" for Arabic, Hebrew, Persian, Urdu and the like; "ltr" otherwise.</summary>
    public static string Direction(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft ? "rtl" : "ltr";
        }
        catch (CultureNotFoundException)
        {
            return "ltr";
        }
    }
}
