using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

/// <summary>
/// Inserts rows straight through the context's connection: one parameterised INSERT per table, reused
/// for every row (SQLite keeps the statement prepared while its text is unchanged), and a commit every
/// <see cref="BatchRows"/> rows. Tracking a million entities would take EF minutes; this takes seconds.
/// Table, column and parameter types come from the EF model, so it runs on both providers.
/// </summary>
internal sealed class DemoRowWriter(TrainingDbContext db) : IAsyncDisposable
{
    private const int BatchRows = 50_000;

    private readonly Dictionary<Type, (DbCommand Command, Func<object?, object?>[] Converters)> tables = [];
    private readonly Dictionary<Type, int> counts = [];
    private IDbContextTransaction? transaction;
    private int inBatch;

    public IReadOnlyDictionary<Type, int> Counts => counts;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // A large page cache keeps the indexes of a million rows in memory while they are built.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", cancellationToken);
        }
    }

    /// <summary>Declares a table: the entity and the properties each row gives, in order.</summary>
    public void Declare<TEntity>(params string[] properties) => Declare(typeof(TEntity), properties);

    public void Declare(Type entity, params string[] properties)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        var columns = new List<string>();
        var converters = new Func<object?, object?>[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = type.FindProperty(properties[i]) ?? throw new InvalidOperationException($"{entity.Name}.{properties[i]} is not mapped.");
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            columns.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            command.Parameters.Add(mapping.CreateParameter(command, "@p" + i, null, nullable: true));
            var converter = mapping.Converter;
            converters[i] = converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v);
        }
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) "
            + $"VALUES ({string.Join(", ", Enumerable.Range(0, properties.Length).Select(i => "@p" + i))})";
        tables[entity] = (command, converters);
        counts[entity] = 0;
    }

    public Task AddAsync<TEntity>(CancellationToken cancellationToken, params object?[] values) => AddAsync(typeof(TEntity), cancellationToken, values);

    public async Task AddAsync(Type entity, CancellationToken cancellationToken, params object?[] values)
    {
        var (command, converters) = tables[entity];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = converters[i](values[i]) ?? DBNull.Value;
        }
        transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
        command.Transaction = transaction.GetDbTransaction();
        await command.ExecuteNonQueryAsync(cancellationToken);
        counts[entity]++;
        if (++inBatch == BatchRows)
        {
            await CommitAsync(cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            transaction = null;
        }
        inBatch = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }
        foreach (var (command, _) in tables.Values)
        {
            await command.DisposeAsync();
        }
        if (db.Database.IsSqlite())
        {
            // The connection goes back to the pool: give it back with SQLite's default cache.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;");
        }
        await db.Database.CloseConnectionAsync();
    }
}
