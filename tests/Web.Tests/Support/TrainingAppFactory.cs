using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Tests.Support;

/// <summary>
/// The real site over a real SQLite file in a folder of its own. Settings are passed as host settings
/// so Program sees them while it registers services.
/// </summary>
public class TrainingAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string?> settings = new();
    private TimeProvider? clock;

    public TrainingAppFactory() : this(null)
    {
    }

    /// <summary>A second site over the same data folder, as a restart or a second instance would be.</summary>
    public static TrainingAppFactory Over(string dataFolder) => new(dataFolder);

    // xunit needs one public constructor on a fixture, so the others are protected.
    protected TrainingAppFactory(string? dataFolder, string environment = "Testing")
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "training-tests", Guid.NewGuid().ToString("N"));
        Environment = environment;
        settings["Storage:DataFolder"] = DataFolder;
        // Every test client shares one (empty) address and logs many people in: the attempt budgets are
        // tested on their own (AttemptLimitTests), with budgets of their choosing.
        settings["AttemptLimits:PerAddress"] = "100000";
        settings["AttemptLimits:PerAccount"] = "100000";
        // Admins and coordinators log in with a password only; StaffTwoFactorTests turns the requirement on.
        settings["TwoFactor:RequiredForStaff"] = "false";
    }

    public string DataFolder { get; }

    public string Environment { get; }

    public string PickupFolder => Path.Combine(DataFolder, "mail-pickup");

    /// <summary>Adds a setting; call before the first client or service is created.</summary>
    public TrainingAppFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Replaces the site's clock (a FakeTimeProvider); call before the first client or service is created.</summary>
    public TrainingAppFactory WithClock(TimeProvider fake)
    {
        clock = fake;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates a confirmed account with the given roles, straight through Identity.</summary>
    public async Task<TrainingUser> CreateUserAsync(string fullName, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrainingUser>>();
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new TrainingUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName };
        Check(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }
        return user;
    }

    /// <summary>Waits for the outbox to write a mail containing the text to the pickup folder.</summary>
    public async Task<string> WaitForPickupMailAsync(string containing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(PickupFolder))
            {
                foreach (var file in Directory.GetFiles(PickupFolder, "*.eml"))
                {
                    string text;
                    try
                    {
                        text = await File.ReadAllTextAsync(file);
                    }
                    catch (IOException)
                    {
                        continue; // still being written: read it on the next round
                    }
                    if (text.Contains(containing, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail containing '{containing}' in {PickupFolder}.");
    }

    /// <summary>Starts the site if needed and waits for the Quartz scheduler to be running (it starts after the application).</summary>
    public async Task WaitForSchedulerAsync()
    {
        var scheduler = await Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.ListenerManager.AddSchedulerListener(new SchedulerStartedListener(started));
        if (await scheduler.GetStatus() != Quartz.SchedulerStatus.Running)
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    private sealed class SchedulerStartedListener(TaskCompletionSource started) : Quartz.ISchedulerListener
    {
        public string Name { get; } = nameof(SchedulerStartedListener) + Guid.NewGuid().ToString("N");

        public ValueTask SchedulerStarted(Quartz.IScheduler scheduler, CancellationToken cancellationToken = default)
        {
            started.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }

    public T WithDb<T>(Func<TrainingDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
