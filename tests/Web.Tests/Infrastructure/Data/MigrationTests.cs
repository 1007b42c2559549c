using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Tests.Infrastructure.Data;

public sealed class MigrationTests
{
    private static SqlServerTrainingDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerTrainingDbContext>()
            .UseSqlServer("Server=unused;Database=Training;Trusted_Connection=True").Options);

    private static SqliteTrainingDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteTrainingDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void Sql_server_migration_script_creates_the_identity_and_key_tables()
    {
        using var db = SqlServerContext();

        // Scripting needs no server: this is what `dotnet ef migrations script --context SqlServerTrainingDbContext` prints.
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims", "DataProtectionKeys" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        Assert.Contains("[FullName] nvarchar(200) NOT NULL", script);
    }

    [Fact]
    public void Both_providers_have_migrations_for_the_current_model()
    {
        using var sqlServer = SqlServerContext();
        using var sqlite = SqliteContext();

        Assert.False(sqlServer.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerTrainingDbContext");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqliteTrainingDbContext");
        Assert.NotEmpty(sqlServer.Database.GetMigrations());
        Assert.Equal(sqlite.Database.GetMigrations().Count(), sqlServer.Database.GetMigrations().Count());
    }

    [Fact]
    public void Sql_server_migration_script_creates_the_quartz_job_store()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in Training.Web.Infrastructure.Scheduling.QuartzSchema.Tables)
        {
            Assert.Contains($"IF OBJECT_ID(N'QRTZ_{table}', N'U') IS NULL", script);
            Assert.Contains($"CREATE TABLE QRTZ_{table} (", script);
        }
        // The columns Quartz 4.7 validates at start-up, which older QRTZ_ scripts lack.
        Assert.Contains("FIXED_DELAY bit NULL", script);
        Assert.Contains("QUARTZ_VERSION nvarchar(20) NULL", script);
        Assert.DoesNotContain("{0}", script);
    }

    [Fact]
    public void Sql_server_migration_script_makes_the_audit_table_append_only()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [AuditEntries]", script);
        Assert.Contains("CREATE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN THROW", script);
    }

    [Fact]
    public void Sql_server_migration_script_copies_switched_off_reminders_into_opt_out_rows_before_dropping_the_columns()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var copy = script.IndexOf("EXEC(N'INSERT INTO [ReminderOptOuts] ([UserId], [Kind], [Since]) SELECT [Id], N''inactivity'', SYSUTCDATETIME() FROM [AspNetUsers] WHERE [RemindInactivity] = 0')", StringComparison.Ordinal);
        var drop = script.IndexOf("DROP COLUMN [RemindInactivity]", StringComparison.Ordinal);
        Assert.True(copy > 0, "The ReminderOptOuts migration no longer copies the inactivity flag.");
        Assert.True(drop > copy, "The flag must be copied before its column is dropped.");
    }
}
