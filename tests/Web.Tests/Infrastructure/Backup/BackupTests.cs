using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Infrastructure.Backup;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Backup;

public sealed class BackupTests : IDisposable
{
    private const string Module = "how-these-courses-work";

    private readonly TrainingAppFactory app = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "training-backups", Guid.NewGuid().ToString("N"));

    public BackupTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        app.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        Directory.Delete(app.DataFolder, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_while_people_register_enrol_and_progress_is_whole_and_holds_every_row_committed_before_it()
    {
        _ = app.Services; // the site is up: migrated, content imported
        var registered = new ConcurrentQueue<string>();
        var enrolled = new ConcurrentQueue<string>();
        var completed = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        const int writerCount = 4;
        var warmedUp = Enumerable.Range(0, writerCount).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var wroteAfterBackup = Enumerable.Range(0, writerCount).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var backupDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WriteAsync(int writer)
        {
            for (var round = 1; !stop.IsCancellationRequested; round++)
            {
                var after = backupDone.Task.IsCompleted;
                await using var scope = app.Services.CreateAsyncScope();
                var services = scope.ServiceProvider;
                // A registration, an enrolment and a module completion, each its own commit, as on the site.
                var email = $"writer{writer}.{Guid.NewGuid():N}@example.org";
                var user = new TrainingUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Writer {writer} round {round}" };
                Assert.True((await services.GetRequiredService<UserManager<TrainingUser>>().CreateAsync(user, TrainingAppFactory.Password)).Succeeded);
                registered.Enqueue(user.Id);
                Assert.Equal(EnrolmentOutcome.Enrolled, await services.GetRequiredService<EnrolmentService>().EnrolAsync(user.Id, WelcomeCourse.Slug, default));
                enrolled.Enqueue(user.Id);
                Assert.Equal(CompletionOutcome.Completed, await services.GetRequiredService<ProgressService>().MarkCompleteAsync(user.Id, WelcomeCourse.Slug, Module, default));
                completed.Enqueue(user.Id);
                if (round == 3)
                {
                    warmedUp[writer].TrySetResult();
                }
                if (after)
                {
                    wroteAfterBackup[writer].TrySetResult();
                }
            }
        }

        var writers = Enumerable.Range(0, writerCount).Select(w => Task.Run(() => WriteAsync(w))).ToArray();
        try
        {
            await Task.WhenAll(warmedUp.Select(w => w.Task)).WaitAsync(TimeSpan.FromSeconds(120));

            // What was committed before the backup began; the writers carry on while it runs.
            var usersBefore = registered.ToArray();
            var enrolmentsBefore = enrolled.ToArray();
            var completionsBefore = completed.ToArray();
            var target = Path.Combine(folder, "training-backup.db");
            var output = new StringWriter();
            var exitCode = await Task.Run(() => BackupCommand.Run(["backup", target], Configuration(), Environment(), output));
            backupDone.SetResult();
            Assert.True(exitCode == 0, output.ToString());
            Assert.Contains(target, output.ToString());
            Assert.Contains("integrity_check: ok", output.ToString());

            // The load went on after the backup: every writer committed another round.
            await Task.WhenAll(wroteAfterBackup.Select(w => w.Task)).WaitAsync(TimeSpan.FromSeconds(120));
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            copy.Open();
            Assert.Equal("ok", SqliteBackup.IntegrityCheck(copy));
            Assert.Empty(Column(copy, "PRAGMA foreign_key_check;"));
            Assert.Equal("delete", Column(copy, "PRAGMA journal_mode;").Single());
            var users = Column(copy, "SELECT Id FROM AspNetUsers;").ToHashSet();
            var enrolments = Column(copy, "SELECT UserId FROM Enrolments;").ToHashSet();
            var completions = Column(copy, "SELECT UserId FROM ModuleCompletions;").ToHashSet();
            Assert.True(usersBefore.Length >= 3 * writerCount);
            Assert.All(usersBefore, id => Assert.Contains(id, users));
            Assert.All(enrolmentsBefore, id => Assert.Contains(id, enrolments));
            Assert.All(completionsBefore, id => Assert.Contains(id, completions));
            // And nothing the writers never committed.
            Assert.Subset(registered.ToHashSet(), Column(copy, "SELECT Id FROM AspNetUsers WHERE Email LIKE 'writer%';").ToHashSet());
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
        Assert.Equal(["training-backup.db"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName)); // no partial copy left
    }

    [Fact]
    public void Backup_refuses_sql_server_an_existing_file_and_a_missing_folder()
    {
        _ = app.Services;
        var existing = Path.Combine(folder, "already-here.db");
        File.WriteAllText(existing, "not to be overwritten");

        var sqlServer = Run(Configuration(("Database:Provider", "SqlServer"), ("Database:ConnectionString", "Server=db.invalid;Database=Training")), Path.Combine(folder, "x.db"));
        var exists = Run(Configuration(), existing);
        var noFolder = Run(Configuration(), Path.Combine(folder, "no-such-folder", "x.db"));
        var noFile = Run(Configuration(), null);

        Assert.Equal(1, sqlServer.ExitCode);
        Assert.Contains("BACKUP DATABASE", sqlServer.Output);
        Assert.Equal(1, exists.ExitCode);
        Assert.Contains("already exists", exists.Output);
        Assert.Equal("not to be overwritten", File.ReadAllText(existing));
        Assert.Equal(1, noFolder.ExitCode);
        Assert.Contains("does not exist", noFolder.Output);
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains(BackupCommand.Usage, noFile.Output);
        Assert.Equal([existing], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task The_command_line_writes_the_backup_of_the_configured_database_without_starting_the_site()
    {
        await app.CreateUserAsync("Bea Backup");
        var target = Path.Combine(folder, "from-the-command-line.db");
        var webDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [webDll, "backup", target])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__DataFolder"] = app.DataFolder;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "The backup command did not finish.");

        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains($"written to {target}", text);
        Assert.DoesNotContain("Now listening", text);
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        copy.Open();
        Assert.Contains("Bea Backup", Column(copy, "SELECT FullName FROM AspNetUsers;"));
    }

    private (int ExitCode, string Output) Run(IConfiguration configuration, string? target)
    {
        var output = new StringWriter();
        string[] args = target is null ? ["backup"] : ["backup", target];
        return (BackupCommand.Run(args, configuration, Environment(), output), output.ToString());
    }

    /// <summary>The site's own configuration (its data folder), with any overrides.</summary>
    private IConfiguration Configuration(params (string Key, string Value)[] overrides) =>
        new ConfigurationBuilder()
            .AddConfiguration(app.Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
            .Build();

    private IHostEnvironment Environment() => app.Services.GetRequiredService<IHostEnvironment>();

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return values;
    }
}
