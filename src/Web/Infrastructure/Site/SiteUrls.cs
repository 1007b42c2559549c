using Microsoft.Extensions.Options;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// Absolute addresses for mail, certificates and QR codes: from Site:BaseUrl when it is set (behind a
/// proxy the request's host is not the public one), else from the request, else localhost for jobs.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    public string Absolute(string path)
    {
        var request = http.HttpContext?.Request;
        var baseUrl = !string.IsNullOrEmpty(site.Value.BaseUrl) ? site.Value.BaseUrl.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://localhost:5080";
        return baseUrl + path;
    }
}
