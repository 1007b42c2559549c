using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Training.Assessment;
using Training.Courses;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Infrastructure.Data;

public static class DatabaseRegistration
{
    public static IServiceCollection AddTrainingDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        // The provider decides which context type is registered, so it is read here, not at first use.
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DiagnosticsOptions>().BindConfiguration(DiagnosticsOptions.Section);
        var countSql = configuration.GetSection(DiagnosticsOptions.Section).Get<DiagnosticsOptions>()?.CountSql == true;
        Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] counting = countSql ? [new SqlStatementCounter()] : [];
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContextPool<TrainingDbContext, SqlServerTrainingDbContext>(db =>
                db.UseSqlServer(options.ConnectionString).AddInterceptors(counting));
        }
        else
        {
            var connectionString = ConnectionString(options, configuration, environment);
            services.AddDbContextPool<TrainingDbContext, SqliteTrainingDbContext>(db => db.UseSqlite(connectionString).AddInterceptors([new SqliteConnectionSettings(), .. counting]));
        }

        services.AddScoped<ICoursesDbContext>(sp => sp.GetRequiredService<TrainingDbContext>());
        services.AddScoped<IAssessmentDbContext>(sp => sp.GetRequiredService<TrainingDbContext>());
        // Readiness: one trivial query (opening a connection alone proves little for a SQLite file).
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            services.AddHealthChecks().AddDbContextCheck<TrainingDbContext>("database", tags: [HealthEndpoints.Ready],
                customTestQuery: async (db, cancellationToken) =>
                    await db.Database.SqlQueryRaw<int>("SELECT 1 AS Value").ToListAsync(cancellationToken) is [1]);
        }
        else
        {
            // A pooled SQLite connection keeps reading a file that was moved or deleted under it, so the
            // check opens its own, unpooled: it answers whether the database can be opened now.
            var unpooled = new SqliteConnectionStringBuilder(ConnectionString(options, configuration, environment)) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString();
            services.AddHealthChecks().AddCheck("database", new SqliteReadinessCheck(unpooled), tags: [HealthEndpoints.Ready]);
        }
        return services;
    }

    /// <summary>The connection string in use: as configured, or for SQLite a file in the data folder.</summary>
    public static string ConnectionString(DatabaseOptions options, IConfiguration configuration, IHostEnvironment environment) =>
        options.ConnectionString ?? (options.Provider == DatabaseProvider.Sqlite ? DefaultSqliteConnectionString(configuration, environment) : "");

    private static string DefaultSqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var file = Path.Combine(storage.ResolveDataFolder(environment.ContentRootPath), "training.db");
        return new SqliteConnectionStringBuilder { DataSource = file }.ToString();
    }
}
