using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Training.Web.Infrastructure.Data;

/// <summary>Readiness of a SQLite database: a new connection (never one from the pool) opens and answers a query.</summary>
public sealed class SqliteReadinessCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // A table of the migrated schema: a file that exists but was never migrated (or was recreated empty) is not ready.
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("The database cannot be opened.", exception);
        }
    }
}
