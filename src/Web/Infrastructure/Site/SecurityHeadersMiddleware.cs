namespace Training.Web.Infrastructure.Site;

/// <summary>
/// Every asset is served by the site itself, so the policy allows only 'self'. Development skips the
/// policy because the developer exception page relies on inline script.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (!environment.IsDevelopment())
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        return next(context);
    }
}
