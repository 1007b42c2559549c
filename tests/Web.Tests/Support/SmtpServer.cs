using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Training.Web.Tests.Support;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) on 127.0.0.1 that stores each message it receives in a
/// Maildir folder. Started per fixture; ./test.sh installs the package when it is missing.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    private Process? process;

    public SmtpServer()
        : this(FreePort())
    {
    }

    // xunit needs one public constructor on a fixture.
    private SmtpServer(int port) => Port = port;

    /// <summary>A server on a given port, to stand in for one that went down and came back.</summary>
    public static SmtpServer On(int port) => new(port);

    public int Port { get; }

    public string Maildir { get; } = Path.Combine(Path.GetTempPath(), "training-smtp", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        // A Maildir needs its tmp, new and cur folders; aiosmtpd creates them only for a missing root.
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, sub));
        }
        // Debian's interpreter: the python3 first on PATH may be another one without aiosmtpd.
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 -m aiosmtpd");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd exited: " + await process.StandardError.ReadToEndAsync());
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"aiosmtpd did not listen on 127.0.0.1:{Port}");
    }

    /// <summary>Messages delivered so far, as raw RFC 5322 text.</summary>
    public IReadOnlyList<string> Messages()
    {
        var delivered = Path.Combine(Maildir, "new");
        return Directory.Exists(delivered) ? Directory.GetFiles(delivered).Select(File.ReadAllText).ToList() : [];
    }

    /// <summary>Waits for a message that contains the given text (an address, a subject).</summary>
    public async Task<string> WaitForMessageAsync(string containing, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var message = Messages().FirstOrDefault(m => m.Contains(containing, StringComparison.Ordinal));
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail containing '{containing}' arrived at the SMTP server.");
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process?.Dispose();
        return Task.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
