using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Tests.Infrastructure.Data;

/// <summary>The ReminderOptOuts migration over a real SQLite file that holds the old per-kind columns.</summary>
public sealed class ReminderOptOutMigrationTests : IDisposable
{
    private const string Previous = "AuditAppendOnly";
    private readonly string folder = Directory.CreateTempSubdirectory("training-migration-").FullName;

    private string File => Path.Combine(folder, "training.db");

    [Fact]
    public async Task A_reminder_switched_off_before_the_migration_is_an_opt_out_row_after_it()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous);
        }
        Execute("""
            INSERT INTO AspNetUsers (Id, FullName, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount,
                                     RemindCertificateExpiry, RemindInactivity, RemindUnfinishedAttempt)
            VALUES ('quiet', 'Quentin Quiet', '2026-11-30 10:00:00', 1, 0, 0, 1, 0, 1, 0, 1),
                   ('keen', 'Kim Keen', '2026-11-30 10:00:00', 1, 0, 0, 1, 0, 1, 1, 1);
            """);

        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("ReminderOptOuts");

            var optOuts = await db.ReminderOptOuts.AsNoTracking().Select(o => new { o.UserId, o.Kind }).ToListAsync();
            Assert.Equal([new { UserId = "quiet", Kind = "inactivity" }], optOuts);
            Assert.DoesNotContain(Columns("AspNetUsers"), c => c.StartsWith("Remind", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Migrating_back_turns_the_opt_out_rows_into_the_old_columns()
    {
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync("ReminderOptOuts");
        Execute("""
            INSERT INTO AspNetUsers (Id, FullName, CreatedAt, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ('quiet', 'Quentin Quiet', '2026-11-30 10:00:00', 1, 0, 0, 1, 0);
            INSERT INTO ReminderOptOuts (UserId, Kind, Since) VALUES ('quiet', 'unfinished-attempt', '2026-11-30 10:00:00');
            """);

        await db.GetService<IMigrator>().MigrateAsync(Previous);

        Assert.Equal("1|1|0", Scalar("SELECT RemindCertificateExpiry || '|' || RemindInactivity || '|' || RemindUnfinishedAttempt FROM AspNetUsers WHERE Id = 'quiet'"));
    }

    private SqliteTrainingDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteTrainingDbContext>().UseSqlite($"Data Source={File};Pooling=False").Options);

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<string> Columns(string table)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
