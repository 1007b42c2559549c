using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Site;

public sealed partial class StaticAssetTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    [Fact]
    public async Task The_stylesheet_the_layout_links_is_served_by_the_site_itself()
    {
        var client = app.CreateClient();
        var home = await client.GetStringAsync("/");
        var href = StylesheetHref().Match(home);
        Assert.True(href.Success, "The layout links no stylesheet.");
        Assert.StartsWith("/", href.Groups[1].Value, StringComparison.Ordinal);

        // Browsers ask for compressed copies; an empty compressed body left pages unstyled once.
        using var request = new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(href.Groups[1].Value));
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var css = await client.SendAsync(request);
        var body = await css.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length > 100, $"The stylesheet came back with {body.Length} bytes ({string.Join(",", css.Content.Headers.ContentEncoding)}).");
        var text = css.Content.Headers.ContentEncoding.Contains("br")
            ? System.Text.Encoding.UTF8.GetString(Decompress(new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)))
            : css.Content.Headers.ContentEncoding.Contains("gzip")
                ? System.Text.Encoding.UTF8.GetString(Decompress(new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)))
                : System.Text.Encoding.UTF8.GetString(body);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".skip-link", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_asset_a_page_links_has_a_fingerprinted_url_cached_for_a_year_and_comes_precompressed()
    {
        var learner = await app.CreateUserAsync("Asset Learner", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, "migrants-rights", default);
        }
        var anonymous = app.CreateClient();
        var signedIn = await app.LoggedInClientAsync(learner.Email!);
        const string module = "/courses/migrants-rights/modules/migrant-workers-convention";
        var pages = new[]
        {
            await anonymous.GetStringAsync("/Identity/Account/Login"),
            await signedIn.GetStringAsync(module),
            await signedIn.GetStringAsync(module + "/print"),
        };
        var assets = pages.SelectMany(page => AssetUrl().Matches(page)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet();

        Assert.Contains(assets, url => url.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, url => url.EndsWith(".svg", StringComparison.Ordinal));
        foreach (var url in assets)
        {
            Assert.Matches(Fingerprinted(), url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            var response = await anonymous.SendAsync(request);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public void Every_view_links_its_scripts_styles_and_images_with_a_versioned_url()
    {
        var views = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Web"), "*.cshtml", SearchOption.AllDirectories);
        var unversioned = views
            .SelectMany(file => LocalAssetTag().Matches(File.ReadAllText(file))
                .Where(tag => !tag.Value.Contains("asp-append-version=\"true\"", StringComparison.Ordinal))
                .Select(tag => $"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {tag.Value}"))
            .ToList();

        Assert.True(views.Length > 10, "No views found.");
        Assert.Empty(unversioned);
    }

    private static byte[] Decompress(Stream compressed)
    {
        using var output = new MemoryStream();
        compressed.CopyTo(output);
        compressed.Dispose();
        return output.ToArray();
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();

    // Scripts, stylesheets, icons and images the site serves from wwwroot (course images are the module's own).
    [GeneratedRegex("<(?:script|link|img)\\b[^>]*?(?:src|href)=\"(/(?!courses/)[^\"/][^\"]*)\"")]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"\.[a-z0-9]{8,}\.(?:css|js|svg|woff2|png|jpg)$")]
    private static partial Regex Fingerprinted();

    [GeneratedRegex("<(?:script|link|img)\\b[^>]*?(?:src|href)=\"~/[^>]*>")]
    private static partial Regex LocalAssetTag();
}
