using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Courses.Assignments;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Infrastructure.Data;

public static class DatabaseStartup
{
    /// <summary>Migrations that add facts <see cref="AssignmentFacts"/> copies onto assigned courses (unit, principal row).</summary>
    private static readonly string[] RecomputeFactsAfter = ["_AssignmentPrincipalRows"];

    /// <summary>
    /// Creates the data folder, applies pending migrations and turns on SQLite's WAL mode.
    /// Returns false, after one log line naming the setting to fix, when the database cannot be opened.
    /// </summary>
    public static async Task<bool> TryPrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = provider.GetRequiredService<IHostEnvironment>();
        Directory.CreateDirectory(provider.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataFolder(environment.ContentRootPath));

        try
        {
            var db = provider.GetRequiredService<TrainingDbContext>();
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (pending.Any(name => RecomputeFactsAfter.Any(migration => name.EndsWith(migration, StringComparison.Ordinal))))
            {
                // New copied facts on assigned courses: filled by the same code that keeps them in step.
                await AssignmentFacts.RefreshAsync(db, null, cancellationToken);
            }
            if (db.Database.IsSqlite())
            {
                // WAL lets readers carry on while a writer commits; the mode is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                // Table statistics for the query planner (refreshed only where the tables changed a lot):
                // without them SQLite may pick a one-column index that matches thousands of rows.
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var setting = database.ConnectionString is null && database.Provider == DatabaseProvider.Sqlite
                ? "Storage:DataFolder (or set Database:ConnectionString)"
                : "Database:ConnectionString";
            logger.LogCritical(
                "The {Provider} database cannot be opened: {Reason} Fix the setting {Setting} and start the site again.",
                database.Provider, ex.Message.Trim(), setting);
            logger.LogDebug(ex, "Database start-up failure in detail");
            return false;
        }
    }
}
