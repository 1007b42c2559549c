using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Organisations;

/// <summary>The admin's organisation pages and a coordinator moving people, through HTTP as a browser would.</summary>
public sealed class OrganisationsTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public OrganisationsTests(TrainingAppFactory app) => this.app = app;

    [Fact]
    public async Task An_admin_creates_an_organisation_and_nested_units_shown_by_their_path()
    {
        var admin = await AdminAsync();
        var name = Unique("Border Police");

        var organisation = await CreateAsync(admin, null, name);
        var region = await CreateAsync(admin, organisation, "North Region");
        var crossing = await CreateAsync(admin, region, "Crossing A");

        Assert.Equal($"{name} / North Region / Crossing A", app.WithDb(db => db.Units.Single(u => u.Id == crossing).Path));
        Assert.Contains($"{name} / North Region / Crossing A", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/units")));
        Assert.Equal(3, app.WithDb(db => db.AuditEntries.Count(e => e.Action == AuditActions.UnitCreated && e.Detail.StartsWith(name))));
    }

    [Fact]
    public async Task Renaming_and_moving_a_unit_rewrites_the_paths_below_it()
    {
        var admin = await AdminAsync();
        var name = Unique("Inspectorate");
        var organisation = await CreateAsync(admin, null, name);
        var east = await CreateAsync(admin, organisation, "East");
        var west = await CreateAsync(admin, organisation, "West");
        var office = await CreateAsync(admin, east, "Office 1");

        await PostAsync(admin, $"/admin/units/{east}", $"/admin/units/{east}/rename", new() { ["name"] = "Eastern Region" });
        Assert.Equal($"{name} / Eastern Region / Office 1", Path(office));

        await PostAsync(admin, $"/admin/units/{east}", $"/admin/units/{east}/move", new() { ["parentId"] = west.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal($"{name} / West / Eastern Region / Office 1", Path(office));
        var lineages = app.WithDb(db => db.Units.Where(u => u.Id == west || u.Id == east || u.Id == office).ToDictionary(u => u.Id, u => u.Lineage));
        Assert.StartsWith(lineages[west], lineages[east], StringComparison.Ordinal);
        Assert.StartsWith(lineages[east], lineages[office], StringComparison.Ordinal);
        Assert.Equal(1, app.WithDb(db => db.AuditEntries.Count(e => e.Action == AuditActions.UnitRenamed && e.TargetId == Key(east))));
        Assert.Equal(1, app.WithDb(db => db.AuditEntries.Count(e => e.Action == AuditActions.UnitMoved && e.TargetId == Key(east))));
    }

    [Fact]
    public async Task A_unit_cannot_move_into_a_unit_below_it()
    {
        var admin = await AdminAsync();
        var organisation = await CreateAsync(admin, null, Unique("Police"));
        var region = await CreateAsync(admin, organisation, "Region");
        var post = await CreateAsync(admin, region, "Post");

        var response = await PostAsync(admin, $"/admin/units/{region}", $"/admin/units/{region}/move", new() { ["parentId"] = post.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot move into itself", await response.Content.ReadAsStringAsync());
        Assert.Equal(organisation, app.WithDb(db => db.Units.Single(u => u.Id == region).ParentId));
    }

    [Fact]
    public async Task A_refused_name_keeps_what_was_typed()
    {
        var admin = await AdminAsync();
        var organisation = await CreateAsync(admin, null, Unique("Consular Service"));

        var response = await PostAsync(admin, $"/admin/units/{organisation}", "/admin/units",
            new() { ["parentId"] = organisation.ToString(CultureInfo.InvariantCulture), ["name"] = "Paris / Lyon" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("A name cannot contain \"/\"", html);
        Assert.Contains("value=\"Paris / Lyon\"", html);
    }

    [Fact]
    public async Task A_unit_with_people_is_archived_never_deleted_and_an_empty_one_can_be_deleted()
    {
        var admin = await AdminAsync();
        var organisation = await CreateAsync(admin, null, Unique("Labour Inspectorate"));
        var used = await CreateAsync(admin, organisation, "Used");
        var empty = await CreateAsync(admin, organisation, "Empty");
        var learner = await app.CreateUserAsync("Pia Placed", Roles.Learner);
        await app.PlaceAsync(app.WithDb(db => db.Units.Single(u => u.Id == used)), learner.Id);

        var refused = await PostAsync(admin, $"/admin/units/{used}", $"/admin/units/{used}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("archive it instead", await refused.Content.ReadAsStringAsync());

        await PostAsync(admin, $"/admin/units/{used}", $"/admin/units/{used}/archive", []);
        Assert.NotNull(app.WithDb(db => db.Units.Single(u => u.Id == used).ArchivedAt));
        Assert.Equal(used, app.WithDb(db => db.Users.Single(u => u.Id == learner.Id).UnitId));

        var deleted = await PostAsync(admin, $"/admin/units/{empty}", $"/admin/units/{empty}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(app.WithDb(db => db.Units.Any(u => u.Id == empty)));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.UnitArchived && e.TargetId == Key(used))));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.UnitDeleted && e.TargetId == Key(empty))));
    }

    [Fact]
    public async Task Naming_a_coordinator_gives_the_role_and_the_units_below_and_nothing_else()
    {
        var admin = await AdminAsync();
        var organisation = await CreateAsync(admin, null, Unique("Border Guard"));
        var north = await CreateAsync(admin, organisation, "North");
        var crossing = await CreateAsync(admin, north, "Crossing");
        var south = await CreateAsync(admin, organisation, "South");
        var below = await app.CreateUserAsync("Bea Below", Roles.Learner);
        var other = await app.CreateUserAsync("Sam South", Roles.Learner);
        await app.PlaceAsync(app.WithDb(db => db.Units.Single(u => u.Id == crossing)), below.Id);
        await app.PlaceAsync(app.WithDb(db => db.Units.Single(u => u.Id == south)), other.Id);
        var person = await app.CreateUserAsync("Carl Coordinator", Roles.Learner);

        await PostAsync(admin, $"/admin/units/{north}", $"/admin/units/{north}/coordinators", new() { ["email"] = person.Email! });

        Assert.True(app.WithDb(db => db.UserRoles.Any(r => r.UserId == person.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Coordinator))));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.CoordinatorAdded && e.TargetId == Key(north))));
        var coordinator = await app.LoggedInClientAsync(person.Email!);
        var list = await coordinator.GetStringAsync("/coordinate/people");
        Assert.Contains("Bea Below", list);
        Assert.DoesNotContain("Sam South", list);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/coordinate/people/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_moves_a_person_within_their_units_and_the_history_stays()
    {
        var learner = await app.CreateUserAsync("Mo Mover", Roles.Learner);
        var (unit, coordinator) = await app.CoordinatorOfAsync(learner.Id);
        var sub = await app.CreateUnitAsync("Sub", unit);
        var elsewhere = await app.CreateUnitAsync("Elsewhere");
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        var outside = await PostAsync(client, $"/coordinate/people/{learner.Id}", $"/coordinate/people/{learner.Id}/move", new() { ["unitId"] = elsewhere.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(unit.Id, app.WithDb(db => db.Users.Single(u => u.Id == learner.Id).UnitId));

        var moved = await PostAsync(client, $"/coordinate/people/{learner.Id}", $"/coordinate/people/{learner.Id}/move", new() { ["unitId"] = sub.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var history = app.WithDb(db => db.UnitMemberships.AsNoTracking().Where(m => m.UserId == learner.Id).OrderBy(m => m.Id).ToList());
        Assert.Equal([unit.Id, sub.Id], history.Select(m => m.UnitId));
        Assert.NotNull(history[0].Until);
        Assert.Null(history[1].Until);
        Assert.Equal(sub.Id, app.WithDb(db => db.Users.Single(u => u.Id == learner.Id).UnitId));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.PersonMoved && e.TargetId == learner.Id)));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/coordinate/people/{learner.Id}"));
        Assert.Contains(unit.Path, page);
        Assert.Contains(sub.Path, page);
    }

    private async Task<HttpClient> AdminAsync() => await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Admin", Roles.Admin)).Email!);

    private static async Task<int> CreateAsync(HttpClient admin, int? parent, string name)
    {
        var fields = new Dictionary<string, string> { ["name"] = name };
        if (parent is int id)
        {
            fields["parentId"] = id.ToString(CultureInfo.InvariantCulture);
        }
        var response = await admin.PostFormAsync("/admin/units", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields) =>
        client.PostFormAsync(page, fields, action);

    private string Path(int id) => app.WithDb(db => db.Units.Single(u => u.Id == id).Path);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";
}
