using System.Net;
using System.Text.RegularExpressions;

namespace Training.Web.Infrastructure.Mail;

/// <summary>The plain-text part of a mail, from its HTML: links keep their address in brackets.</summary>
public static partial class PlainText
{
    public static string FromHtml(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        text = Break().Replace(text, "\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]*)\"[^>]*>(?<text>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<br\\s*/?>|</p>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
