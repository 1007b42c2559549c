using System.Globalization;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Infrastructure.Backup;

/// <summary>
/// <c>dotnet run --project src/Web -- backup FILE</c>: a consistent copy of the configured SQLite database,
/// safe while the site runs (see <see cref="SqliteBackup"/>). Run from Program.cs before the host is built:
/// it applies no migrations and starts nothing. Refuses SQL Server (its own BACKUP DATABASE does that), an
/// existing FILE and a folder that does not exist.
/// </summary>
public static class BackupCommand
{
    public const string Usage = "Usage: dotnet run --project src/Web -- backup FILE";

    public static bool Matches(string[] args) => args is ["backup", ..];

    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        if (args is not ["backup", var target] || string.IsNullOrWhiteSpace(target))
        {
            output.WriteLine(Usage);
            return 2;
        }
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            output.WriteLine("The database is SQL Server (Database:Provider): this command copies SQLite databases only.");
            output.WriteLine("Back it up with SQL Server's BACKUP DATABASE (or your DBA's backup plan); see \"Backups\" in the README.");
            return 1;
        }
        var connectionString = DatabaseRegistration.ConnectionString(database, configuration, environment);
        var refusal = SqliteBackup.RefusalFor(connectionString, target);
        if (refusal is not null)
        {
            output.WriteLine($"Backup refused: {refusal}");
            return 1;
        }

        var result = SqliteBackup.Run(connectionString, target);
        if (result.IntegrityCheck != "ok")
        {
            output.WriteLine($"The copy failed PRAGMA integrity_check, so nothing was written to {result.Path}:");
            output.WriteLine(result.IntegrityCheck);
            return 1;
        }
        var rows = result.Tables.Sum(t => t.Rows);
        output.WriteLine($"Backup of {SqliteBackup.SourceFile(connectionString)} written to {result.Path}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Bytes:N0} bytes, {result.Tables.Count} tables, {rows:N0} rows, integrity_check: ok"));
        foreach (var (table, count) in result.Tables.Where(t => t.Rows > 0).OrderByDescending(t => t.Rows).Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-40} {count,12:N0}"));
        }
        return 0;
    }
}
