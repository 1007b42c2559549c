using Microsoft.Data.Sqlite;

namespace Training.Web.Infrastructure.Backup;

/// <summary>What a backup wrote: the file, its size, the copy's integrity check and its tables.</summary>
public sealed record BackupResult(string Path, long Bytes, string IntegrityCheck, IReadOnlyList<(string Table, long Rows)> Tables);

/// <summary>
/// A consistent copy of a SQLite database while the site may be writing to it, through SQLite's online
/// backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): one backup step copies every
/// page inside one read transaction, so the copy is the database as of one commit. The site runs in WAL
/// mode, so its writers carry on meanwhile (their commits go to the WAL, after the snapshot).
/// The copy is written beside the target under a temporary name, checked (<c>PRAGMA integrity_check</c>)
/// and only then given the target's name, so a failed backup never leaves a file that looks like one.
/// </summary>
public static class SqliteBackup
{
    /// <summary>How long either side waits for a lock (a checkpoint, a writer taking the WAL) before giving up.</summary>
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>Why the backup cannot be written to <paramref name="target"/>, or null when it can.</summary>
    public static string? RefusalFor(string sourceConnectionString, string target)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full) || Directory.Exists(full))
        {
            return $"{full} already exists; backup does not overwrite. Choose a new file name.";
        }
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            return $"The folder {folder} does not exist; create it first.";
        }
        var source = SourceFile(sourceConnectionString);
        if (source is null)
        {
            return "The configured SQLite database is not a file (Database:ConnectionString); there is nothing to back up.";
        }
        if (!File.Exists(source))
        {
            return $"There is no database at {source} (Database:ConnectionString / Storage:DataFolder).";
        }
        return null;
    }

    /// <summary>
    /// Copies the database; call <see cref="RefusalFor"/> first. The target exists afterwards only when the
    /// copy's integrity check answered "ok".
    /// </summary>
    public static BackupResult Run(string sourceConnectionString, string target)
    {
        var full = Path.GetFullPath(target);
        var partial = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var source = Open(new SqliteConnectionStringBuilder(sourceConnectionString)
            {
                // Never create an empty database where the configured one is missing.
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }))
            using (var copy = Open(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }))
            {
                source.BackupDatabase(copy);
                // A copy of a WAL database is in WAL mode too; make it one self-contained file.
                Execute(copy, "PRAGMA journal_mode=DELETE;");
            }
            BackupResult result;
            using (var copy = Open(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadOnly, Pooling = false }))
            {
                result = new BackupResult(full, 0, IntegrityCheck(copy), Tables(copy));
            }
            if (result.IntegrityCheck != "ok")
            {
                return result; // not given the target's name: the caller reports the problem
            }
            File.Move(partial, full, overwrite: false);
            return result with { Bytes = new FileInfo(full).Length };
        }
        finally
        {
            DeleteIfThere(partial);
            DeleteIfThere(partial + "-journal");
        }
    }

    /// <summary>The database file a SQLite connection string names, or null for an in-memory database.</summary>
    public static string? SourceFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary><c>PRAGMA integrity_check</c>'s answer: "ok", or its first problems on separate lines.</summary>
    public static string IntegrityCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    private static List<(string Table, long Rows)> Tables(SqliteConnection connection)
    {
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        var tables = new List<(string, long)>();
        foreach (var name in names)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
            tables.Add((name, (long)command.ExecuteScalar()!));
        }
        return tables;
    }

    private static SqliteConnection Open(SqliteConnectionStringBuilder builder)
    {
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteIfThere(string file)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }
}
