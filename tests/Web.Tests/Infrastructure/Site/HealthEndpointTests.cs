using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Site;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly TrainingAppFactory app = new();

    public void Dispose()
    {
        app.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(app.DataFolder, recursive: true);
    }

    [Fact]
    public async Task Ready_live_and_health_answer_200_anonymously_and_are_never_cached()
    {
        await app.WaitForSchedulerAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var address in new[] { "/health/live", "/health/ready", "/health" })
        {
            var response = await client.GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            Assert.True(response.Headers.CacheControl?.NoStore, $"{address} may be cached");
        }
    }

    [Fact]
    public async Task Live_does_no_database_work()
    {
        await app.WaitForSchedulerAsync();
        var client = app.CreateClient();

        using var live = new DatabaseEventsOfOneRequest();
        using var catalog = new DatabaseEventsOfOneRequest();
        // EF Core's pooled contexts re-check for new diagnostic listeners about once a second: ask for the
        // catalog until the probe sees its queries, so the probe is known to be heard before /health/live.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!catalog.Events.Any(e => e.EndsWith("CommandExecuted", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(catalog.Get("/courses"))).StatusCode);
        }
        Assert.Contains(catalog.Events, e => e.EndsWith("CommandExecuted", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(live.Get("/health/live"))).StatusCode);

        Assert.Empty(live.Events);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_file_is_missing()
    {
        await app.WaitForSchedulerAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var database = Path.Combine(app.DataFolder, "training.db");
        string[] files = [database, database + "-wal", database + "-shm"];

        SqliteConnection.ClearAllPools();
        foreach (var file in files.Where(File.Exists))
        {
            File.Move(file, file + ".away");
        }
        try
        {
            // (A background job may open the path meanwhile and create an empty file: that is not ready either.)
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            foreach (var file in files)
            {
                File.Delete(file);
                if (File.Exists(file + ".away"))
                {
                    File.Move(file + ".away", file);
                }
            }
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_the_database_cannot_be_opened_and_live_still_200()
    {
        await app.WaitForSchedulerAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var database = Path.Combine(app.DataFolder, "training.db");
        string[] files = [database, database + "-wal", database + "-shm"];

        // Take the file away and put a folder in its place: SQLite cannot open it.
        SqliteConnection.ClearAllPools();
        foreach (var file in files.Where(File.Exists))
        {
            File.Move(file, file + ".away");
        }
        Directory.CreateDirectory(database);
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var health = await client.GetAsync("/health");
            var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.True(ready.Headers.CacheControl?.NoStore);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            Directory.Delete(database);
            foreach (var file in files.Where(f => File.Exists(f + ".away")))
            {
                File.Move(file + ".away", file);
            }
            SqliteConnection.ClearAllPools();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>
    /// The EF Core diagnostic events raised while the site handles one request: the request carries a
    /// trace id of its own (traceparent), and only events raised under that trace are kept, so background
    /// jobs and other tests do not count.
    /// </summary>
    private sealed class DatabaseEventsOfOneRequest : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly ActivityTraceId trace = ActivityTraceId.CreateRandom();
        private readonly ActivityListener activities;
        private readonly List<IDisposable> subscriptions = [];
        private readonly ConcurrentQueue<string> events = new();

        public DatabaseEventsOfOneRequest()
        {
            // Makes ASP.NET Core start an activity per request, parented to the traceparent header.
            activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            };
            ActivitySource.AddActivityListener(activities);
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public IReadOnlyCollection<string> Events => events;

        public HttpRequestMessage Get(string address)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            return request;
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Activity.Current?.TraceId == trace)
            {
                events.Enqueue(value.Key);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
            activities.Dispose();
        }
    }
}
