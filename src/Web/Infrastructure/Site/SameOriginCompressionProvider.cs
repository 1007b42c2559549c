using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// Compresses responses (Brotli, then gzip) except those to requests another site started. BREACH needs
/// an attacker's page to make the victim's browser send many credentialed requests and to watch the
/// compressed sizes; browsers mark such requests <c>Sec-Fetch-Site: cross-site</c> (or <c>same-site</c>
/// from a sibling subdomain), so those answers go out uncompressed. A browser too old to send the header
/// still gets compressed pages: the log-in cookie is <c>SameSite=Lax</c>, so another site's script cannot
/// fetch a learner's pages with it, and anti-forgery tokens are encrypted afresh for every response.
/// See docs/architecture.md, "Compression and caching".
/// </summary>
public sealed class SameOriginCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : IResponseCompressionProvider
{
    private readonly ResponseCompressionProvider inner = new(services, options);

    public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context)
    {
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (string.Equals(site, "cross-site", StringComparison.OrdinalIgnoreCase)
            || string.Equals(site, "same-site", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return inner.CheckRequestAcceptsCompression(context);
    }
}
