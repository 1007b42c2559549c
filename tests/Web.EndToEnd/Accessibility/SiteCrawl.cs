using System.Text.RegularExpressions;

namespace Training.Web.EndToEnd.Accessibility;

/// <summary>
/// Which pages a crawl visits next: same-origin GET links only, never log-out or downloads, at most a few
/// pages per route shape (ids and slugs normalised), and a bounded total.
/// </summary>
public sealed partial class SiteCrawl(string baseUrl, int maxPages = 60, int perShape = 3)
{
    private readonly Uri origin = new(baseUrl);
    private readonly Queue<string> queue = new();
    private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> shapes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> visited = [];

    public IReadOnlyList<string> Visited => visited;

    public void Enqueue(string href)
    {
        if (!Uri.TryCreate(origin, href, out var url) || url.Scheme != origin.Scheme || url.Authority != origin.Authority)
        {
            return;
        }
        var path = url.PathAndQuery;
        if (Skipped().IsMatch(url.AbsolutePath) || !seen.Add(path))
        {
            return;
        }
        var shape = Shape(url.AbsolutePath);
        shapes.TryGetValue(shape, out var count);
        if (count >= perShape)
        {
            return;
        }
        shapes[shape] = count + 1;
        queue.Enqueue(path);
    }

    /// <summary>The next page to open, or null once the queue is empty or the bound is reached.</summary>
    public string? Next() => visited.Count < maxPages && queue.TryDequeue(out var path) ? path : null;

    /// <summary>Records the page the browser landed on; false when it was already checked (after a redirect).</summary>
    public bool Arrive(string landed)
    {
        seen.Add(landed);
        if (visited.Contains(landed, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        visited.Add(landed);
        return true;
    }

    /// <summary>The route a path belongs to: ids, codes and the slugs after a collection name or an id become {id}.</summary>
    public static string Shape(string path)
    {
        var segments = path.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : "";
            // A hyphenated slug after an id is an id too (/teach/quizzes/{course}/{quiz}); single words stay (glossary, print, new).
            if (segments[i].Any(char.IsDigit) || Collections().IsMatch(previous) || (previous == "{id}" && segments[i].Contains('-', StringComparison.Ordinal)))
            {
                segments[i] = "{id}";
            }
        }
        return string.Join('/', segments);
    }

    // Downloads, log-out and links that act (media, exports, the public key) are not pages to check.
    [GeneratedRegex(@"(\.(pdf|csv|xlsx|pem|png|jpe?g|svg|webp)$)|/logout|/media/|/export", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex("^(courses|modules|quizzes|people|assignments|units|users|attempts|verify|invitations)$", RegexOptions.IgnoreCase)]
    private static partial Regex Collections();
}
