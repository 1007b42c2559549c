using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Enrolment;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Site;

public sealed class PageCompressionTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    private const string Module = "/courses/migrants-rights/modules/migrant-workers-convention";

    [Theory]
    [InlineData("br, gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "gzip")]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    public async Task A_page_is_compressed_gzip_first_or_with_Brotli_when_that_is_all_the_browser_accepts(string accepts, string expected)
    {
        var client = await LearnerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Module);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepts);
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var html = Decompress(body, expected);
        Assert.Contains("Migrant Workers Convention", html, StringComparison.Ordinal);
        Assert.True(body.Length * 3 < Encoding.UTF8.GetByteCount(html), $"{body.Length} compressed bytes for {html.Length} characters.");
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task A_page_another_site_asked_for_is_not_compressed(string fetchSite)
    {
        var client = await LearnerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Module);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Migrant Workers Convention", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> LearnerAsync()
    {
        var learner = await app.CreateUserAsync("Compression Learner", Roles.Learner);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, "migrants-rights", default);
        }
        return await app.LoggedInClientAsync(learner.Email!);
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using Stream stream = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
