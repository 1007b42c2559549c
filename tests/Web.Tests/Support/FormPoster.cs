using System.Net;
using System.Text.RegularExpressions;

namespace Training.Web.Tests.Support;

/// <summary>Reads a page's anti-forgery token and posts its form, as a browser without JavaScript would.</summary>
public static partial class FormPoster
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? actionUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", TokenIn(page)) };
        return await client.PostAsync(actionUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token.");
    }

    public static async Task<HttpClient> LoggedInClientAsync(this TrainingAppFactory factory, string email)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TrainingAppFactory.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Log-in as {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
