using Microsoft.Data.Sqlite;

namespace Training.Web.Tests.Support;

/// <summary>
/// Waits until the outbox job has run more rounds, read from Quartz's own record of its trigger
/// (QRTZ_TRIGGERS.PREV_FIRE_TIME), instead of sleeping for a guessed time. The job never runs twice at
/// once, so three new firings mean at least one whole round ran after the call.
/// </summary>
public static class OutboxRounds
{
    public static async Task WaitAsync(string sqliteFile, int firings = 3, TimeSpan? timeout = null)
    {
        var seen = new HashSet<long> { LastFired(sqliteFile) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (seen.Count <= firings)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox job fired {seen.Count - 1} of {firings} more times.");
            }
            await Task.Delay(100);
            seen.Add(LastFired(sqliteFile));
        }
    }

    private static long LastFired(string sqliteFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PREV_FIRE_TIME FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'mail-outbox'";
        return command.ExecuteScalar() is long ticks ? ticks : 0;
    }
}
