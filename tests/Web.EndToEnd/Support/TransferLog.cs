using System.Text.Json;
using Microsoft.Playwright;

namespace Training.Web.EndToEnd.Support;

/// <summary>
/// What a page's requests cost on the wire, as Chromium's DevTools counts it ("transferred"): the
/// <c>encodedDataLength</c> of <c>Network.loadingFinished</c>, which is the compressed body plus the
/// response headers, and 0 for an answer from the browser's cache.
/// </summary>
public sealed class TransferLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> pending = [];
    private readonly List<(string Url, long Bytes)> finished = [];
    private TaskCompletionSource settled = NewSignal();

    private TransferLog(ICDPSession session) => Session = session;

    /// <summary>The page's own DevTools session, also used to emulate a slow network.</summary>
    public ICDPSession Session { get; }

    public static async Task<TransferLog> StartAsync(IPage page)
    {
        var log = new TransferLog(await page.Context.NewCDPSessionAsync(page));
        log.Session.Event("Network.requestWillBeSent").OnEvent += (_, e) => log.Started(e!.Value);
        log.Session.Event("Network.loadingFinished").OnEvent += (_, e) => log.Ended(e!.Value, e.Value.GetProperty("encodedDataLength").GetDouble());
        log.Session.Event("Network.loadingFailed").OnEvent += (_, e) => log.Ended(e!.Value, 0);
        await log.Session.SendAsync("Network.enable");
        return log;
    }

    /// <summary>Forgets what was counted so far: the next navigation starts from zero.</summary>
    public void Reset()
    {
        lock (gate)
        {
            finished.Clear();
            pending.Clear();
            settled = NewSignal();
        }
    }

    /// <summary>Waits until every request the page started has finished or failed, then returns them.</summary>
    public async Task<IReadOnlyList<(string Url, long Bytes)>> SettledAsync()
    {
        Task wait;
        lock (gate)
        {
            if (pending.Count == 0 && finished.Count > 0)
            {
                return [.. finished];
            }
            wait = settled.Task;
        }
        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        lock (gate)
        {
            return [.. finished];
        }
    }

    private void Started(JsonElement e)
    {
        lock (gate)
        {
            // A redirect reuses the request id; its response is reported here, not in loadingFinished.
            if (e.TryGetProperty("redirectResponse", out var redirect))
            {
                finished.Add((redirect.GetProperty("url").GetString()!, (long)redirect.GetProperty("encodedDataLength").GetDouble()));
            }
            pending[e.GetProperty("requestId").GetString()!] = e.GetProperty("request").GetProperty("url").GetString()!;
        }
    }

    private void Ended(JsonElement e, double bytes)
    {
        lock (gate)
        {
            if (!pending.Remove(e.GetProperty("requestId").GetString()!, out var url))
            {
                return;
            }
            finished.Add((url, (long)bytes));
            if (pending.Count == 0)
            {
                settled.TrySetResult();
                settled = NewSignal();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
