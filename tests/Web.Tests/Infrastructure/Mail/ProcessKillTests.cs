using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Training.Web.Tests.Support;
using Xunit.Sdk;

namespace Training.Web.Tests.Infrastructure.Mail;

/// <summary>
/// The outbox survives a real crash: the site runs as its own process (dotnet Web.dll), is killed with
/// SIGKILL after the confirmation mail is committed and before it is sent, and a restart over the same
/// data folder sends it exactly once.
/// </summary>
public sealed class ProcessKillTests : IClassFixture<SmtpServer>, IDisposable
{
    private static readonly string[] SiteSections = ["Database", "Storage", "Smtp", "Content", "Reminders", "Site", "DemoAccounts"];

    private readonly SmtpServer smtp;
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "training-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SiteProcess> sites = [];

    public ProcessKillTests(SmtpServer smtp) => this.smtp = smtp;

    private string Database => Path.Combine(dataFolder, "training.db");

    [Fact]
    public async Task Killing_the_site_between_the_commit_and_the_send_and_restarting_it_delivers_the_mail_exactly_once()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        try
        {
            // First run: no outbox job, so the committed mail stays unsent, as if the process died before sending.
            var first = await StartAsync(("Smtp__DispatchIntervalSeconds", "0"));
            using (var client = first.CreateClient())
            {
                var response = await client.PostFormAsync("/Identity/Account/Register", new Dictionary<string, string>
                {
                    ["Input.FullName"] = "Amina Process",
                    ["Input.Email"] = email,
                    ["Input.Password"] = "a long walk by the river",
                    ["Input.ConfirmPassword"] = "a long walk by the river",
                });
                Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                    $"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE Email = $to AND EmailConfirmed = 0", email));
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM OutboxMessages WHERE \"To\" = $to AND SentAt IS NULL AND AttemptCount = 0", email));
            Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM OutboxAttempts a JOIN OutboxMessages m ON m.Id = a.OutboxMessageId WHERE m.\"To\" = $to", email));
            first.Kill();
            Assert.Empty(ToAddress(email));

            // Second run over the same data folder, the outbox checked every second.
            await StartAsync(("Smtp__DispatchIntervalSeconds", "1"));
            var mail = await smtp.WaitForMessageAsync(email, TimeSpan.FromSeconds(20));
            Assert.Contains("Confirm your e-mail address", mail, StringComparison.Ordinal);
            await OutboxRounds.WaitAsync(Database); // several more rounds of the outbox job after the delivery

            Assert.Single(ToAddress(email));
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM OutboxMessages WHERE \"To\" = $to", email));
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM OutboxMessages WHERE \"To\" = $to AND SentAt IS NOT NULL AND AttemptCount = 1", email));
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM OutboxAttempts a JOIN OutboxMessages m ON m.Id = a.OutboxMessageId WHERE m.\"To\" = $to AND a.Succeeded = 1", email));
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM OutboxAttempts a JOIN OutboxMessages m ON m.Id = a.OutboxMessageId WHERE m.\"To\" = $to", email));
        }
        catch (Exception e) when (sites.Count > 0)
        {
            throw new XunitException(e.Message + Environment.NewLine + string.Join(Environment.NewLine, sites.Select(s => s.Describe())), e);
        }
    }

    private List<string> ToAddress(string email) =>
        smtp.Messages().Where(m => m.Contains(email, StringComparison.Ordinal)).ToList();

    private long Scalar(string sql, string to)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$to", to);
        return (long)command.ExecuteScalar()!;
    }

    private async Task<SiteProcess> StartAsync(params (string Name, string Value)[] settings)
    {
        var port = SmtpServer.FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "Web"), // the content root; course-content/ is found above it
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiteAssembly());
        foreach (var inherited in start.Environment.Keys.Where(InheritedSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataFolder"] = dataFolder;
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Reminders__RunOnSchedule"] = "false";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var site = new SiteProcess(start, new Uri($"http://127.0.0.1:{port}/"));
        sites.Add(site);
        await site.WaitUntilHealthyAsync(TimeSpan.FromSeconds(180));
        return site;
    }

    private static bool InheritedSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || SiteSections.Any(section => name.StartsWith(section + "__", StringComparison.OrdinalIgnoreCase));

    /// <summary>src/Web/bin/&lt;Configuration&gt;/net10.0/Web.dll, the configuration this test assembly was built with first.</summary>
    private static string SiteAssembly()
    {
        var bin = Path.Combine(RepositoryPaths.Root, "src", "Web", "bin");
        var configuration = typeof(ProcessKillTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        string[] names = ["Web.dll", "Training.Web.dll"];
        if (!string.IsNullOrEmpty(configuration))
        {
            var built = names.Select(name => Path.Combine(bin, configuration, "net10.0", name)).FirstOrDefault(File.Exists);
            if (built is not null)
            {
                return built;
            }
        }
        return (Directory.Exists(bin) ? Directory.GetDirectories(bin) : [])
            .SelectMany(dir => names.Select(name => new FileInfo(Path.Combine(dir, "net10.0", name))))
            .Where(file => file.Exists)
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .FirstOrDefault()?.FullName
            ?? throw new FileNotFoundException($"No built site (Web.dll) under {bin}/<Configuration>/net10.0");
    }

    public void Dispose()
    {
        foreach (var site in sites)
        {
            site.Dispose();
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    /// <summary>One run of the site as a child process; its output is drained into memory so it never blocks.</summary>
    private sealed class SiteProcess : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public SiteProcess(ProcessStartInfo start, Uri address)
        {
            Address = address;
            process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Uri Address { get; }

        public HttpClient CreateClient() =>
            new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }, disposeHandler: true)
            {
                BaseAddress = Address,
                Timeout = TimeSpan.FromSeconds(30),
            };

        public async Task WaitUntilHealthyAsync(TimeSpan timeout)
        {
            using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The site exited with code {process.ExitCode} before /health answered.");
                }
                try
                {
                    using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException)
                {
                    // a request timed out while the site starts
                }
                await Task.Delay(200);
            }
            throw new TimeoutException($"GET {Address}health did not answer 200 within {timeout.TotalSeconds} s.");
        }

        /// <summary>SIGKILL on Linux: no shutdown, no flushing, nothing the site can finish.</summary>
        public void Kill()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
        }

        public string Describe()
        {
            lock (output)
            {
                var exit = process.HasExited ? $"exited with {process.ExitCode}" : "running";
                return $"--- site at {Address} ({exit}) ---{Environment.NewLine}{output}";
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            try
            {
                Kill();
            }
            catch (InvalidOperationException)
            {
                // never started
            }
            process.Dispose();
        }
    }
}
