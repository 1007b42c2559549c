using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets SQLite itself wait for the single writer instead of
/// Microsoft.Data.Sqlite's 150 ms sleeps between retries, which made overlapping writes slow under load;
/// synchronous=NORMAL is safe with WAL and saves an fsync per commit.
/// </summary>
/// <remarks>
/// EF Core opens and closes the connection around every query, and Microsoft.Data.Sqlite hands back the same
/// pooled native connection each time: the settings stay with it, so they are set once per native connection
/// (remembered by its handle) rather than at every open, which doubled the statements of each request.
/// </remarks>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadyConfigured(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadyConfigured(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool AlreadyConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, true);
        }
    }
}
