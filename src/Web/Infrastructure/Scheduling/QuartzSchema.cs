namespace Training.Web.Infrastructure.Scheduling;

/// <summary>
/// Quartz.NET's job-store tables, for the migrations to create. The scripts are the ones Quartz 4.7.3
/// ships for itself (Apache 2.0), copied into Schema/ so that a migration stays the same when the
/// package is upgraded: a later Quartz that changes its tables gets a migration of its own.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    /// <summary>Dropped child tables first.</summary>
    public static readonly string[] Tables =
    [
        "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "FIRED_TRIGGERS", "TRIGGERS", "JOB_DETAILS",
        "CALENDARS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
    ];

    /// <param name="script">The script's name in Schema/, such as <c>quartz-4.7.3-sqlite</c>.</param>
    public static IEnumerable<string> CreateStatements(string script)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"Training.Web.Scheduling.{script}.sql")
            ?? throw new InvalidOperationException($"The Quartz schema script {script}.sql is not embedded.");
        using var reader = new StreamReader(stream);
        // Statements are separated by a line reading "--;;"; {0} is the table prefix, {1} the same without a schema.
        foreach (var piece in reader.ReadToEnd().Split("\n--;;", StringSplitOptions.TrimEntries))
        {
            var sql = string.Join('\n', piece.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
            if (sql.Length > 0)
            {
                yield return sql.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
            }
        }
    }
}
