using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.People;

public sealed class PeopleImportTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_coordinator_imports_a_good_file_into_their_unit_and_each_new_person_is_a_learner_with_a_unit_and_an_invitation()
    {
        var units = await app.CreateUnitsAsync("North", "South");
        var coordinator = await app.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        await app.CoordinateAsync(coordinator, units[0]);
        var amina = PeopleFixture.Unique("amina");
        var li = PeopleFixture.Unique("li");
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        var response = await client.UploadAsync("staff.csv", Utf8(
            "email,given_name,family_name,unit_path,job_title,language\n" +
            $"{amina},Amina,Haddad,{units[1].Path},Border guard,fr\n" +
            $"{li},\"Li, Wei\",Chen,{units[2].Path.ToLowerInvariant().Replace(" / ", "/", StringComparison.Ordinal)},,\n"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 new people created and invited by e-mail", page);
        var people = await app.WithDb(db => db.Users.Where(u => u.Email == amina || u.Email == li).OrderBy(u => u.FullName).ToListAsync());
        Assert.Equal(["Amina Haddad", "Li, Wei Chen"], people.Select(p => p.FullName));
        Assert.Equal([units[1].Id, units[2].Id], people.Select(p => p.UnitId));
        Assert.Equal(["fr", null], people.Select(p => p.Language));
        Assert.All(people, p => Assert.True(p.EmailConfirmed && p.PasswordHash is null));
        var ids = people.Select(p => p.Id).ToList();
        Assert.Equal(2, await app.WithDb(db => db.UserRoles.CountAsync(ur => ids.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Learner))));
        Assert.Equal(2, await app.WithDb(db => db.UnitMemberships.CountAsync(m => ids.Contains(m.UserId) && m.Until == null)));
        Assert.Equal(2, await app.WithDb(db => db.Invitations.CountAsync(i => ids.Contains(i.UserId) && i.TokenHash.Length == 64)));
        var mails = await app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == amina || m.To == li).OrderBy(m => m.To).Select(m => m.Subject).ToListAsync());
        Assert.Equal(["Votre compte Training vous attend", "Your account for Training is ready"], mails);
        var audit = await app.WithDb(db => db.AuditEntries.Where(e => e.ActorUserId == coordinator.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == AuditActions.PeopleImported));
        Assert.Equal(2, audit.Count(a => a == AuditActions.PersonCreated));
        Assert.Equal(2, audit.Count(a => a == AuditActions.InvitationSent));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_of_each_kind_reports_every_problem_by_line_and_writes_nothing()
    {
        var units = await app.CreateUnitsAsync("Mine", "Closed");
        var elsewhere = await app.CreateUnitsAsync("Theirs");
        await app.ArchiveAsync(units[2]);
        var coordinator = await app.CreateUserAsync("Cora Scope", Roles.Coordinator);
        await app.CoordinateAsync(coordinator, units[1]);
        await app.CoordinateAsync(coordinator, units[2]);
        var good = PeopleFixture.Unique("good");
        var twice = PeopleFixture.Unique("twice");
        var client = await app.LoggedInClientAsync(coordinator.Email!);
        var outboxBefore = await app.WithDb(db => db.Set<OutboxMessage>().CountAsync());

        var response = await client.UploadAsync("bad.csv", Utf8(
            "email,given_name,family_name,unit_path\n" +
            $"{good},Good,Row,{units[1].Path}\n" +                    // 2: fine
            $"not-an-address,Bad,Mail,{units[1].Path}\n" +            // 3: bad e-mail
            $"{PeopleFixture.Unique("u")},No,Unit,Nowhere / At all\n" + // 4: unknown unit
            $"{PeopleFixture.Unique("o")},Out,Side,{elsewhere[1].Path}\n" + // 5: outside scope
            $"{twice},First,Copy,{units[1].Path}\n" +                 // 6: fine
            $"{twice.ToUpperInvariant()},Second,Copy,{units[1].Path}\n" + // 7: duplicate
            $"{PeopleFixture.Unique("m")},,Missing,{units[1].Path}\n" + // 8: missing given name
            $"{PeopleFixture.Unique("a")},Arch,Ived,{units[2].Path}\n")); // 9: archived unit

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was imported: the file has 6 problems.", page);
        Assert.Contains("<td>3</td>\n                        <td>email</td>\n                        <td>Bad e-mail address \"not-an-address\".</td>", page);
        Assert.Contains("<td>4</td>\n                        <td>unit_path</td>\n                        <td>Unknown unit \"Nowhere / At all\".</td>", page);
        Assert.Contains($"<td>5</td>\n                        <td>unit_path</td>\n                        <td>The unit \"{elsewhere[1].Path}\" is outside the units you coordinate.</td>", page);
        Assert.Contains($"<td>7</td>\n                        <td>email</td>\n                        <td>Duplicate e-mail address {twice.ToUpperInvariant()}: also on line 6.</td>", page);
        Assert.Contains("<td>8</td>\n                        <td>given_name</td>\n                        <td>Missing required value: given_name.</td>", page);
        Assert.Contains($"<td>9</td>\n                        <td>unit_path</td>\n                        <td>Unit archived: \"{units[2].Path}\" takes no new people.</td>", page);
        Assert.Contains("role=\"alert\"", page);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == good || u.Email == twice)));
        Assert.Equal(outboxBefore, await app.WithDb(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.ActorUserId == coordinator.Id && e.Action == AuditActions.PeopleImported)));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_unit_moves_the_person()
    {
        var units = await app.CreateUnitsAsync("A", "B");
        var admin = await app.CreateUserAsync("Ada Import", Roles.Admin);
        var email = PeopleFixture.Unique("same");
        var file = $"email,given_name,family_name,unit_path\n{email},Sam,Same,{units[1].Path}\n";
        var client = await app.LoggedInClientAsync(admin.Email!);
        await client.UploadAsync("same.csv", Utf8(file));
        int Count(Training.Web.Infrastructure.Data.TrainingDbContext db) =>
            db.Users.Count() + db.UnitMemberships.Count() + db.Invitations.Count() + db.Set<OutboxMessage>().Count() + db.UserRoles.Count();
        var before = app.WithDb(Count);

        var again = await (await client.UploadAsync("same.csv", Utf8(file))).Content.ReadAsStringAsync();

        Assert.Contains("0 new people created and invited by e-mail", again);
        Assert.Contains("1 people already in their unit, unchanged", again);
        Assert.Equal(before, app.WithDb(Count));

        var moved = await (await client.UploadAsync("moved.csv", Utf8(file.Replace(units[1].Path, units[2].Path, StringComparison.Ordinal)))).Content.ReadAsStringAsync();

        Assert.Contains("1 people moved to another unit", moved);
        var person = await app.WithDb(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(units[2].Id, person.UnitId);
        var history = await app.WithDb(db => db.UnitMemberships.Where(m => m.UserId == person.Id).OrderBy(m => m.Id).Select(m => new { m.UnitId, m.Until }).ToListAsync());
        Assert.Equal(units[1].Id, history[0].UnitId);
        Assert.NotNull(history[0].Until);
        Assert.Equal(units[2].Id, history[1].UnitId);
        Assert.Null(history[1].Until);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.TargetId == person.Id && e.Action == AuditActions.PersonMoved)));
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_imports_like_one_without()
    {
        var units = await app.CreateUnitsAsync("Bom");
        var admin = await app.CreateUserAsync("Ada Bom", Roles.Admin);
        var email = PeopleFixture.Unique("bom");
        var client = await app.LoggedInClientAsync(admin.Email!);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Utf8($"email,given_name,family_name,unit_path\n{email},Zoë,Ñúñez,{units[1].Path}\n")).ToArray();

        var page = await (await client.UploadAsync("bom.csv", bytes)).Content.ReadAsStringAsync();

        Assert.Contains("1 new people created", page);
        Assert.Equal("Zoë Ñúñez", await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_writes_nothing()
    {
        var units = await app.CreateUnitsAsync("Dry");
        var admin = await app.CreateUserAsync("Ada Dry", Roles.Admin);
        var email = PeopleFixture.Unique("dry");
        var client = await app.LoggedInClientAsync(admin.Email!);

        var page = await (await client.UploadAsync("dry.csv", Utf8($"email,given_name,family_name,unit_path\n{email},D,R,{units[1].Path}\n"), dryRun: true)).Content.ReadAsStringAsync();

        Assert.Contains("1 new people would be created and invited", page);
        Assert.Contains("checked=\"checked\"", page);
        Assert.False(await app.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_coordinator_cannot_move_someone_from_a_unit_outside_their_scope()
    {
        var mine = await app.CreateUnitsAsync("Here");
        var theirs = await app.CreateUnitsAsync("There");
        var admin = await app.CreateUserAsync("Ada Place", Roles.Admin);
        var coordinator = await app.CreateUserAsync("Cora Move", Roles.Coordinator);
        await app.CoordinateAsync(coordinator, mine[0]);
        var email = PeopleFixture.Unique("held");
        await (await app.LoggedInClientAsync(admin.Email!)).UploadAsync("a.csv", Utf8($"email,given_name,family_name,unit_path\n{email},H,E,{theirs[1].Path}\n"));
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        var page = WebUtility.HtmlDecode(await (await client.UploadAsync("b.csv", Utf8($"email,given_name,family_name,unit_path\n{email},H,E,{mine[1].Path}\n"))).Content.ReadAsStringAsync());

        Assert.Contains($"{email} already has an account in a unit outside the units you coordinate.", page);
        Assert.Equal(theirs[1].Id, await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.UnitId).SingleAsync()));
    }

    [Fact]
    public async Task A_learner_may_not_import()
    {
        var learner = await app.CreateUserAsync("Lee Learner", Roles.Learner);
        var client = await app.LoggedInClientAsync(learner.Email!);

        var response = await client.GetAsync("/people/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/error/403", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_template_names_every_column_and_imports_once_its_unit_exists()
    {
        var admin = await app.CreateUserAsync("Ada Template", Roles.Admin);
        var client = await app.LoggedInClientAsync(admin.Email!);

        var template = await client.GetStringAsync("/people/import/template.csv");

        Assert.StartsWith("email,given_name,family_name,unit_path,job_title,language", template.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task Ten_thousand_rows_import_and_every_person_is_there()
    {
        var units = await app.CreateUnitsAsync("Big");
        var batch = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("email,given_name,family_name,unit_path\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i}.{batch}@example.org,Given{i},Family,{units[1].Path}\n");
        }
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var import = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PeopleImport>(scope.ServiceProvider);

        var result = await import.ImportAsync(Actor.CommandLine(), "big.csv", new StringReader(csv.ToString()), dryRun: false, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(10_000, result.Created);
        var pattern = $"%.{batch}@example.org";
        Assert.Equal(10_000, await app.WithDb(db => db.Users.CountAsync(u => EF.Functions.Like(u.Email, pattern) && u.UnitId == units[1].Id)));
        Assert.Equal(10_000, await app.WithDb(db => db.Invitations.CountAsync(i => db.Users.Any(u => u.Id == i.UserId && EF.Functions.Like(u.Email, pattern)))));
    }
}
