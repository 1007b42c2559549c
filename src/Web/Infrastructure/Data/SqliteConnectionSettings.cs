using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets SQLite itself wait for the single writer instead of
/// Microsoft.Data.Sqlite's 150 ms sleeps between retries, which made overlapping writes slow under load;
/// synchronous=NORMAL is safe with WAL and saves an fsync per commit.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
