using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Data;

public sealed class DatabaseStartupTests : IDisposable
{
    private readonly TrainingAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Health_endpoint_checks_the_database()
    {
        await app.WaitForSchedulerAsync(); // /health is readiness: the scheduler counts too
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Default_database_is_a_sqlite_file_in_the_data_folder_in_wal_mode()
    {
        _ = app.Services; // starts the site, which creates and migrates the database

        var file = Path.Combine(app.DataFolder, "training.db");
        Assert.True(File.Exists(file));
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
        command.CommandText = "SELECT count(*) FROM __EFMigrationsHistory;";
        Assert.True((long)command.ExecuteScalar()! >= 1);
    }

    [Fact]
    public async Task A_session_survives_a_restart_because_keys_are_kept_in_the_database()
    {
        var learner = await app.CreateUserAsync("Ana Restart", Roles.Learner);
        var cookie = await AuthCookieAsync(app, learner.Email!);
        Assert.True(app.WithDb(db => db.DataProtectionKeys.Count()) >= 1);

        // A second site instance over the same database, as after a restart or behind a load balancer.
        using var secondInstance = TrainingAppFactory.Over(app.DataFolder);
        var secondClient = secondInstance.CreateClient(new() { AllowAutoRedirect = false });
        secondClient.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await secondClient.GetAsync("/learn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ana Restart", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_site_with_one_line_naming_the_setting()
    {
        var webDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [webDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__DataFolder"] = app.DataFolder;
        start.Environment["Database__ConnectionString"] = "Data Source=/nonexistent-folder/for-sure/training.db";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "The site kept running with a database it cannot open.");

        var log = await output + await errors;
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Fix the setting Database:ConnectionString", log);
        Assert.DoesNotContain("   at ", log); // no stack trace
    }

    /// <summary>Logs in without the client's cookie jar, so the auth cookie can be carried elsewhere.</summary>
    private static async Task<string> AuthCookieAsync(TrainingAppFactory factory, string email)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Identity/Account/Login");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = TrainingAppFactory.Password,
                ["__RequestVerificationToken"] = FormPoster.TokenIn(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Training.Auth=", StringComparison.Ordinal)).Split(';')[0];
    }
}
