using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.People;

/// <summary>Units and coordinators made straight in the database, as the admin pages (built elsewhere) would.</summary>
public static class PeopleFixture
{
    /// <summary>A root unit with a unique name and one child per name given; returns them root first.</summary>
    public static async Task<List<Unit>> CreateUnitsAsync(this TrainingAppFactory app, params string[] children)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var name = $"Org {Guid.NewGuid():N}"[..12];
        var root = new Unit { Name = name, Path = name, CreatedAt = DateTime.UtcNow };
        db.Units.Add(root);
        await db.SaveChangesAsync();
        root.Lineage = $"/{root.Id}/";
        var units = new List<Unit> { root };
        foreach (var child in children)
        {
            var unit = new Unit { Name = child, ParentId = root.Id, Path = root.Path + Unit.PathSeparator + child, CreatedAt = DateTime.UtcNow };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.Lineage = $"{root.Lineage}{unit.Id}/";
            units.Add(unit);
        }
        await db.SaveChangesAsync();
        return units;
    }

    public static async Task CoordinateAsync(this TrainingAppFactory app, TrainingUser coordinator, Unit unit)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        db.UnitCoordinators.Add(new UnitCoordinator { UserId = coordinator.Id, UnitId = unit.Id, Since = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public static async Task ArchiveAsync(this TrainingAppFactory app, Unit unit)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        (await db.Units.FindAsync(unit.Id))!.ArchivedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, byte[] content, bool dryRun = false)
    {
        var page = await client.GetStringAsync("/people/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormPoster.TokenIn(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        if (dryRun)
        {
            form.Add(new StringContent("true"), "dryRun");
        }
        return await client.PostAsync("/people/import", form);
    }

    public static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@example.org";
}
