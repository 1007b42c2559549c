using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

// The benchmark's helper (see bench/README.md). Commands:
//   seed    --db <training.db> --users <n> --password <p> [--course welcome] [--certify 1]
//           (--certify 1 also records a completion of the course and its certificate for each new learner)
//   login   --url <base> --count <n> --password <p> --out <users.tsv> [--parallel 8] [--page /learn]
//   refresh --url <base> --file <users.tsv> [--parallel 8] [--page /learn]
//   weight  --url <base> --file <users.tsv> --path <module page path>
// users.tsv has one line per logged-in learner: Cookie header value, TAB, URL-encoded anti-forgery token, TAB, e-mail.
var command = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1));
try
{
    return command switch
    {
        "seed" => await Bench.SeedAsync(options.Get("db"), options.GetInt("users", 1000), options.Get("password"), options.Get("course", "welcome"), options.GetInt("certify", 0) == 1),
        "login" => await Bench.LoginAsync(new Uri(options.Get("url")), options.GetInt("count", 200), options.Get("password"), options.Get("out"), options.GetInt("parallel", 8), options.Get("page", "/learn")),
        "refresh" => await Bench.RefreshAsync(new Uri(options.Get("url")), options.Get("file"), options.GetInt("parallel", 8), options.Get("page", "/learn")),
        "weight" => await Bench.WeighAsync(new Uri(options.Get("url")), options.Get("file"), options.Get("path")),
        _ => Bench.Usage(),
    };
}
catch (BenchException e)
{
    await Console.Error.WriteLineAsync("bench: " + e.Message);
    return 1;
}

internal sealed class BenchException(string message) : Exception(message);

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                values[key] = "";
            }
            else if (key is not null)
            {
                values[key] = arg;
                key = null;
            }
        }
        return new Options(values);
    }

    public string Get(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value
        : fallback ?? throw new BenchException($"missing --{name}");

    public int GetInt(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>One learner as the load generator sees it: the cookies it sends and its anti-forgery token.</summary>
internal sealed class Learner(string email)
{
    public string Email { get; } = email;

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public string Token { get; set; } = "";

    /// <summary>Only the cookies the learner path needs: the auth cookie (and its chunks) and the anti-forgery cookie.</summary>
    public string CookieHeader => string.Join("; ", Cookies
        .Where(c => c.Key.StartsWith("Training.Auth", StringComparison.Ordinal) || c.Key.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
        .OrderBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => c.Key + "=" + c.Value));

    public void Remember(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return;
        }
        foreach (var setCookie in setCookies)
        {
            var pair = setCookie.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }
    }

    public string ToLine() => CookieHeader + "\t" + Token + "\t" + Email;

    public static Learner FromLine(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 3)
        {
            throw new BenchException("bad line in users file: " + line);
        }
        var learner = new Learner(parts[2]) { Token = parts[1] };
        foreach (var cookie in parts[0].Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = cookie.IndexOf('=', StringComparison.Ordinal);
            learner.Cookies[cookie[..equals]] = cookie[(equals + 1)..];
        }
        return learner;
    }
}

internal static partial class Bench
{
    public const string EmailDomain = "bench.invalid";

    public static int Usage()
    {
        Console.Error.WriteLine("usage: Seeder seed|login|refresh|weight [--options]; see bench/README.md");
        return 2;
    }

    public static string EmailOf(int i) => string.Create(CultureInfo.InvariantCulture, $"bench-learner-{i:D4}@{EmailDomain}");

    /// <summary>
    /// Inserts the learners with EF Core through the site's own context, all sharing one password hash
    /// (hashing is deliberately slow), each in role Learner and enrolled in the course. Runs after the site
    /// has started once, so the schema, the roles and the imported course exist. Learners already there are kept.
    /// </summary>
    public static async Task<int> SeedAsync(string dbPath, int count, string password, string courseSlug, bool certify)
    {
        if (!File.Exists(dbPath))
        {
            throw new BenchException($"no database at {dbPath}: start the site first");
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath, DefaultTimeout = 60 }.ToString();
        var options = new DbContextOptionsBuilder<SqliteTrainingDbContext>().UseSqlite(connectionString).Options;
        await using var db = new SqliteTrainingDbContext(options);

        var started = TimeProvider.System.GetTimestamp();
        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == "LEARNER")
            ?? throw new BenchException("role Learner not found: has the site started?");
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Slug == courseSlug)
            ?? throw new BenchException($"course '{courseSlug}' not found: was course-content imported?");
        var existing = (await db.Users.Where(u => u.Email!.EndsWith("@" + EmailDomain)).Select(u => u.Email!).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);

        var hash = new PasswordHasher<TrainingUser>().HashPassword(new TrainingUser(), password);
        var now = DateTime.UtcNow;
        var added = 0;
        var completions = new List<Training.Courses.Progress.CourseCompletion>();
        for (var i = 1; i <= count; i++)
        {
            var email = EmailOf(i);
            if (existing.Contains(email))
            {
                continue;
            }
            var user = new TrainingUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                AccessFailedCount = 0,
                FullName = string.Create(CultureInfo.InvariantCulture, $"Bench Learner {i:D4}"),
                CreatedAt = now,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            db.Enrolments.Add(new CourseEnrolment { UserId = user.Id, CourseId = course.Id, EnrolledAt = now });
            added++;
            if (certify)
            {
                completions.Add(new Training.Courses.Progress.CourseCompletion { UserId = user.Id, CourseId = course.Id, CompletedAt = now, ExpiresAt = now.AddYears(2) });
            }
        }
        db.AddRange(completions);
        await db.SaveChangesAsync();
        // The journey benchmark downloads each learner's certificate: issue them as CertificateIssuer would
        // (without the audit entry, which only the site writes).
        foreach (var completion in completions)
        {
            db.Certificates.Add(new Training.Assessment.Certificates.Certificate
            {
                Code = Training.Assessment.Certificates.CertificateIssuer.NewCode(),
                UserId = completion.UserId,
                CourseId = course.Id,
                CourseCompletionId = completion.Id,
                LearnerName = "Bench Learner",
                CourseTitle = course.Title,
                CourseVersion = $"{course.ImportedAt:yyyy-MM-dd} (bench)",
                CourseMajorVersion = course.MajorVersion,
                CompletedAt = now,
                IssuedAt = now,
                ExpiresAt = completion.ExpiresAt,
            });
        }
        await db.SaveChangesAsync();
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {added} learners ({existing.Count} already there) enrolled in '{courseSlug}' in {seconds:F1} s"));
        return 0;
    }

    /// <summary>Logs learners 1..count in through the real log-in form, a few at a time, and writes their cookies and tokens.</summary>
    public static async Task<int> LoginAsync(Uri baseUrl, int count, string password, string outFile, int parallel, string tokenPage)
    {
        using var http = NewClient(baseUrl);
        var learners = new Learner[count];
        var failures = new ConcurrentQueue<string>();
        var started = TimeProvider.System.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var learner = new Learner(EmailOf(i));
            try
            {
                using (var page = await SendAsync(http, learner, HttpMethod.Get, "/Identity/Account/Login", null, ct))
                {
                    await ExpectAsync(page, HttpStatusCode.OK, ct);
                    learner.Token = TokenOf(await page.Content.ReadAsStringAsync(ct));
                }
                var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = learner.Email,
                    ["Input.Password"] = password,
                    ["__RequestVerificationToken"] = learner.Token,
                });
                using (var posted = await SendAsync(http, learner, HttpMethod.Post, "/Identity/Account/Login", form, ct))
                {
                    await ExpectAsync(posted, HttpStatusCode.Redirect, ct);
                }
                if (!learner.Cookies.Keys.Any(k => k.StartsWith("Training.Auth", StringComparison.Ordinal)))
                {
                    throw new BenchException("log-in answered 302 but set no Training.Auth cookie (wrong password or unconfirmed e-mail?)");
                }
                // A token issued to the signed-in learner (the log-out form in the navigation carries one).
                using var home = await SendAsync(http, learner, HttpMethod.Get, tokenPage, null, ct);
                await ExpectAsync(home, HttpStatusCode.OK, ct);
                learner.Token = TokenOf(await home.Content.ReadAsStringAsync(ct));
                learners[i - 1] = learner;
            }
            catch (Exception e) when (e is BenchException or HttpRequestException)
            {
                failures.Enqueue($"{learner.Email}: {e.Message}");
            }
        });
        if (!failures.IsEmpty)
        {
            throw new BenchException($"{failures.Count} of {count} log-ins failed; first: {failures.First()}");
        }
        await File.WriteAllLinesAsync(outFile, learners.Select(l => l.ToLine()));
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"logged in {count} learners ({parallel} at a time) in {seconds:F1} s; cookies in {outFile}"));
        return 0;
    }

    /// <summary>
    /// Visits a page (/learn) once per learner and keeps any re-issued auth cookie. The site re-validates a cookie's
    /// security stamp once it is a minute old and then issues a fresh one; a browser keeps that, but wrk
    /// replays fixed headers. Refreshing before each run keeps wrk's cookies as fresh as a browser's.
    /// </summary>
    public static async Task<int> RefreshAsync(Uri baseUrl, string file, int parallel, string page)
    {
        var learners = (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).Select(Learner.FromLine).ToArray();
        using var http = NewClient(baseUrl);
        var renewed = 0;
        await Parallel.ForEachAsync(learners, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (learner, ct) =>
        {
            var before = learner.CookieHeader;
            using var home = await SendAsync(http, learner, HttpMethod.Get, page, null, ct);
            await ExpectAsync(home, HttpStatusCode.OK, ct);
            if (learner.CookieHeader != before)
            {
                Interlocked.Increment(ref renewed);
            }
        });
        await File.WriteAllLinesAsync(file, learners.Select(l => l.ToLine()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked {learners.Length} cookies, {renewed} re-issued"));
        return 0;
    }

    /// <summary>The bytes a browser downloads for a module page: the HTML and everything it references, plain and compressed.</summary>
    public static async Task<int> WeighAsync(Uri baseUrl, string file, string path)
    {
        var learner = Learner.FromLine((await File.ReadAllLinesAsync(file))[0]);
        using var http = NewClient(baseUrl);
        var pageUri = new Uri(baseUrl, path);

        using var page = await SendAsync(http, learner, HttpMethod.Get, path, null, CancellationToken.None);
        await ExpectAsync(page, HttpStatusCode.OK, CancellationToken.None);
        var html = await page.Content.ReadAsStringAsync();

        var resources = new List<(string Kind, Uri Uri)> { ("page", pageUri) };
        foreach (Match tag in TagRegex().Matches(html))
        {
            var isStylesheetOrIcon = tag.Groups["name"].Value.Equals("link", StringComparison.OrdinalIgnoreCase)
                && RelRegex().Match(tag.Value) is { Success: true } rel
                && (rel.Groups[1].Value.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) || rel.Groups[1].Value.Contains("icon", StringComparison.OrdinalIgnoreCase));
            var isEmbedded = !tag.Groups["name"].Value.Equals("link", StringComparison.OrdinalIgnoreCase);
            var url = WebUtility.HtmlDecode(tag.Groups["url"].Value);
            if ((isStylesheetOrIcon || isEmbedded) && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                resources.Add((tag.Groups["name"].Value.ToLowerInvariant(), new Uri(pageUri, url)));
            }
        }
        // Fonts and images a stylesheet pulls in.
        foreach (var stylesheet in resources.Where(r => r.Kind == "link").ToList())
        {
            using var css = await SendAsync(http, learner, HttpMethod.Get, stylesheet.Uri.PathAndQuery, null, CancellationToken.None);
            foreach (Match url in CssUrlRegex().Matches(await css.Content.ReadAsStringAsync()))
            {
                if (!url.Groups[1].Value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    resources.Add(("css url()", new Uri(stylesheet.Uri, url.Groups[1].Value)));
                }
            }
        }

        Console.WriteLine($"Module page weight: {pageUri.AbsolutePath} and everything it loads (response bodies, bytes)");
        Console.WriteLine($"  {"resource",-62} {"identity",9} {"gzip, br",9}  encoding");
        long plain = 0, compressed = 0;
        foreach (var (kind, uri) in resources.DistinctBy(r => r.Uri))
        {
            var (plainBytes, _, plainStatus) = await FetchAsync(http, learner, uri, "identity");
            var (compressedBytes, encoding, compressedStatus) = await FetchAsync(http, learner, uri, "gzip, br");
            plain += plainBytes;
            compressed += compressedBytes;
            var status = plainStatus == HttpStatusCode.OK && compressedStatus == HttpStatusCode.OK ? "" : $"  HTTP {(int)plainStatus}/{(int)compressedStatus}";
            var name = $"{uri.PathAndQuery} ({kind})";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(name.Length > 62 ? name[..59] + "..." : name),-62} {plainBytes,9} {compressedBytes,9}  {encoding}{status}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"TOTAL (" + resources.DistinctBy(r => r.Uri).Count() + " requests)",-62} {plain,9} {compressed,9}"));
        return 0;
    }

    private static async Task<(long Bytes, string Encoding, HttpStatusCode Status)> FetchAsync(HttpClient http, Learner learner, Uri uri, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Cookie", learner.CookieHeader);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
        return (bytes.LongLength, encoding.Length == 0 ? "-" : encoding, response.StatusCode);
    }

    private static HttpClient NewClient(Uri baseUrl) =>
        new(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = 64,
        })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Learner learner, HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var cookies = learner.Cookies.Count == 0 ? "" : string.Join("; ", learner.Cookies.Select(c => c.Key + "=" + c.Value));
        if (cookies.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }
        var response = await http.SendAsync(request, ct);
        learner.Remember(response);
        return response;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            var location = response.Headers.Location is { } l ? " -> " + l : "";
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new BenchException(string.Create(CultureInfo.InvariantCulture,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: HTTP {(int)response.StatusCode}{location} (expected {(int)expected}) {body[..Math.Min(body.Length, 200)]}"));
        }
    }

    private static string TokenOf(string html)
    {
        var match = TokenRegex().Match(html);
        return match.Success ? Uri.EscapeDataString(WebUtility.HtmlDecode(match.Groups[1].Value))
            : throw new BenchException("no __RequestVerificationToken in the page");
    }

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"<(?<name>link|img|script|source|video|audio|iframe)\b[^>]*?\s(?:href|src)=""(?<url>[^""]+)""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\srel=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex RelRegex();

    [GeneratedRegex(@"url\(\s*['""]?([^'"")]+)['""]?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrlRegex();
}
