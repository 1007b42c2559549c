using System.Net;
using System.Text.RegularExpressions;
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

    private static byte[] Decompress(Stream compressed)
    {
        using var output = new MemoryStream();
        compressed.CopyTo(output);
        compressed.Dispose();
        return output.ToArray();
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();
}
