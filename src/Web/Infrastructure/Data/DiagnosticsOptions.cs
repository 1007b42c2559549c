namespace Training.Web.Infrastructure.Data;

/// <summary>The <c>Diagnostics</c> section: measurement aids for the load benchmark, all off by default.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    /// <summary>
    /// Counts the SQL statements and connection opens of each request and sends them back in the
    /// <c>X-Sql-Statements</c> and <c>X-Sql-Connections</c> response headers (bench/run.sh turns it on).
    /// Only counts leave the site, never SQL text or data; still, leave it off in production.
    /// </summary>
    public bool CountSql { get; set; }
}
