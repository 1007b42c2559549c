using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Counts the statements EF Core sends and the connections it opens (each open also runs
/// <see cref="SqliteConnectionSettings"/>' PRAGMA statement) for the request under way: see
/// <see cref="SqlCountingMiddleware"/>. Registered only when <c>Diagnostics:CountSql</c> is on.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>The running request's counts; null outside a request (jobs, start-up).</summary>
    private static readonly AsyncLocal<SqlCounts?> Current = new();

    public static SqlCounts Begin() => Current.Value = new SqlCounts();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => CountConnection();

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CountConnection();
        return Task.CompletedTask;
    }

    private static T Count<T>(T result)
    {
        if (Current.Value is { } counts)
        {
            counts.AddStatement();
        }
        return result;
    }

    private static void CountConnection()
    {
        if (Current.Value is { } counts)
        {
            counts.AddConnection();
        }
    }
}

/// <summary>One request's counts (a request may run statements from more than one thread).</summary>
public sealed class SqlCounts
{
    private int statements;
    private int connections;

    public int Statements => Volatile.Read(ref statements);

    public int Connections => Volatile.Read(ref connections);

    public void AddStatement() => Interlocked.Increment(ref statements);

    public void AddConnection() => Interlocked.Increment(ref connections);
}
