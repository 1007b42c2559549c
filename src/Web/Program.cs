using Training.Assessment;
using Training.Courses;
using Training.Web.Features.Accounts;
using Training.Web.Features.Authoring;
using Training.Web.Features.Certificates;
using Training.Web.Features.Coordination;
using Training.Web.Features.DemoData;
using Training.Web.Features.Organisations;
using Training.Web.Features.People;
using Training.Web.Features.Privacy;
using Training.Web.Features.Quizzes;
using Training.Web.Features.Reminders;
using Training.Web.Features.SingleSignOn;
using Training.Web.Features.Users;
using Training.Web.Infrastructure.Backup;
using Training.Web.Infrastructure.Content;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scheduling;
using Training.Web.Infrastructure.Site;

if (CommandLine.NamesCommand(args) && !CommandLine.IsKnown(args))
{
    return CommandLine.PrintCommands(Console.Out, string.Join(' ', args));
}

var builder = WebApplication.CreateBuilder(args);
if (ContentCommand.Matches(args) && !CourseArchiveCommand.Matches(args))
{
    return ContentCommand.Run(args, builder.Configuration, Console.Out);
}
if (CertificateCommand.Matches(args))
{
    return CertificateCommand.Run(args, builder.Configuration, builder.Environment.ContentRootPath, Console.Out);
}
if (BackupCommand.Matches(args))
{
    return BackupCommand.Run(args, builder.Configuration, builder.Environment, Console.Out);
}

// Serve the build's static asset manifest (with its compressed copies) in every environment, not only
// Development; a published app has no manifest and serves its own wwwroot.
builder.WebHost.UseStaticWebAssets();
// With a build manifest, MapStaticAssets would otherwise patch responses at run time: Cache-Control
// no-cache on fingerprinted files, and compressed copies replaced by a stored (uncompressed) gzip stream
// still labelled "br". Serve the build's files and headers as a published site does; a rebuild gives a
// changed file a new fingerprint.
builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";

builder.Services
    .AddSiteShell()
    .AddTrainingDatabase(builder.Configuration, builder.Environment)
    .AddAccounts()
    .AddSingleSignOn(builder.Configuration)
    .AddCourses()
    .AddAssessment()
    .AddQuizzes()
    .AddCertificates()
    .AddReminders()
    .AddPrivacy()
    .AddPeople()
    .AddScheduling(builder.Configuration, builder.Environment)
    .AddHostedService<ContentWatcher>()
    .AddScoped<UserRoleService>()
    .AddScoped<PeopleQuery>()
    .AddScoped<Training.Web.Features.Exports.ExportTables>()
    .AddScoped<Training.Web.Features.Exports.ExportAudit>()
    .AddScoped<DashboardQuery>()
    .AddScoped<Training.Web.Features.Authoring.CourseArchive>()
    .AddScoped<Training.Web.Features.Authoring.CourseAuthoring>()
    .AddScoped<DemoOrganisationSeeder>()
    .AddScoped<Training.Web.Features.Assignments.AssignmentFormOptions>();

var app = builder.Build();

if (!await app.Services.TryPrepareDatabaseAsync(app.Lifetime.ApplicationStopping))
{
    // Disposing flushes the console logger's queue: without it the one line naming the setting can be
    // lost when the process exits first (seen under load in DatabaseStartupTests).
    await app.DisposeAsync();
    return 1;
}
if (PeopleCommand.Matches(args))
{
    return await PeopleCommand.RunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping);
}
if (Training.Web.Features.Users.UsersCommand.Matches(args))
{
    return await Training.Web.Features.Users.UsersCommand.RunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping);
}
if (DemoDataCommand.Matches(args))
{
    return await DemoDataCommand.RunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping);
}
if (CourseArchiveCommand.Matches(args))
{
    return await CourseArchiveCommand.RunAsync(args, app.Services, Console.Out, app.Lifetime.ApplicationStopping);
}
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
}

await app.Services.ImportContentAsync(app.Lifetime.ApplicationStopping);
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DemoOrganisationSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
}

app.UseSiteShell();
await app.RunAsync();
return 0;

public partial class Program;
