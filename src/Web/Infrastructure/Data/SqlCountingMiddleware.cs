using System.Globalization;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Sends a request's SQL counts in response headers, for bench/run.sh. Headers go out when the body starts,
/// after MVC has rendered the whole view into its buffer, so queries made while rendering are counted too.
/// </summary>
public sealed class SqlCountingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var counts = SqlStatementCounter.Begin();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Sql-Statements"] = counts.Statements.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-Sql-Connections"] = counts.Connections.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
