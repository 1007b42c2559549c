using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Audit;

/// <summary>Nothing can change or delete an audit entry: not the change tracker, not a set-based statement.</summary>
public sealed class AuditAppendOnlyTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public AuditAppendOnlyTests(TrainingAppFactory app) => this.app = app;

    private async Task<long> RecordAsync(string detail)
    {
        using var scope = app.Services.CreateScope();
        var entry = scope.ServiceProvider.GetRequiredService<AuditLog>()
            .Record(Actor.CommandLine(), AuditActions.UnitCreated, "unit", "42", detail);
        await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().SaveChangesAsync();
        return entry.Id;
    }

    private Task<AuditEntry?> ReadAsync(long id) =>
        app.WithDb(db => db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id));

    [Fact]
    public async Task An_execute_update_on_the_audit_table_is_refused_by_the_database_and_changes_nothing()
    {
        var id = await RecordAsync("original for update");

        var error = await Assert.ThrowsAsync<SqliteException>(() => app.WithDb(db =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "rewritten"))));

        Assert.Contains("append-only", error.Message);
        Assert.Equal("original for update", (await ReadAsync(id))?.Detail);
    }

    [Fact]
    public async Task An_execute_delete_on_the_audit_table_is_refused_by_the_database_and_keeps_the_row()
    {
        var id = await RecordAsync("original for delete");

        var error = await Assert.ThrowsAsync<SqliteException>(() => app.WithDb(db =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync()));

        Assert.Contains("append-only", error.Message);
        Assert.Equal("original for delete", (await ReadAsync(id))?.Detail);
    }

    [Fact]
    public async Task Saving_a_modified_tracked_entry_throws_and_changes_nothing()
    {
        var id = await RecordAsync("original for tracking");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id);
            entry.Detail = "rewritten";

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("original for tracking", (await ReadAsync(id))?.Detail);
    }

    [Fact]
    public async Task Saving_a_removed_tracked_entry_throws_and_keeps_the_row()
    {
        var id = await RecordAsync("original for removal");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.NotNull(await ReadAsync(id));
    }
}
