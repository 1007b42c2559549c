using Microsoft.Extensions.Options;
using Training.Courses.Content;

namespace Training.Web.Infrastructure.Content;

/// <summary>
/// Re-imports course-content/ shortly after a file changes, so a trainer sees an edit on reload without
/// restarting the site. On in Development unless Content:WatchForChanges says otherwise.
/// </summary>
public sealed class ContentWatcher(IServiceProvider services, IOptions<ContentOptions> options, IHostEnvironment environment, ILogger<ContentWatcher> logger)
    : BackgroundService
{
    // Editors save in bursts (temp file, rename, metadata): wait for quiet before importing.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.WatchForChanges ?? environment.IsDevelopment()))
        {
            return;
        }
        var folder = services.ContentFolder();
        if (!Directory.Exists(folder))
        {
            return;
        }
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void Signal(object sender, FileSystemEventArgs e)
        {
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }
        // The local annex is part of what modules show: an edit there re-imports too.
        var annexFolder = options.Value.ResolveLocalAnnexFolder(environment.ContentRootPath);
        using var annexWatcher = annexFolder is not null && Directory.Exists(annexFolder)
            ? new FileSystemWatcher(annexFolder) { EnableRaisingEvents = true }
            : null;
        foreach (var each in new[] { watcher, annexWatcher }.OfType<FileSystemWatcher>())
        {
            each.Changed += Signal;
            each.Created += Signal;
            each.Deleted += Signal;
            each.Renamed += Signal;
        }
        logger.LogInformation("Watching {Folder} for course changes.", folder);

        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken);
            await Task.Delay(Quiet, stoppingToken);
            while (changed.CurrentCount > 0)
            {
                await changed.WaitAsync(stoppingToken);
            }
            try
            {
                await services.ImportContentAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Could not read the course files; will try again on the next change.");
            }
        }
    }
}
