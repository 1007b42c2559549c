using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Audit;

/// <summary>Admins find audit entries by person, action and day; nobody else opens the page.</summary>
public sealed class AuditLogPageTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public AuditLogPageTests(TrainingAppFactory app) => this.app = app;

    private async Task AddAsync(params AuditEntry[] entries)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static AuditEntry Entry(string detail, string action = AuditActions.UnitRenamed, string actorName = "someone@example.org",
        string? actorUserId = null, string targetType = "unit", string? targetId = "7", DateTime? at = null) => new()
    {
        At = at ?? DateTime.UtcNow,
        ActorUserId = actorUserId,
        ActorName = actorName,
        IpAddress = "198.51.100.1",
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        Detail = detail,
    };

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await app.CreateUserAsync("Audit Admin", Roles.Admin);
        return await app.LoggedInClientAsync(admin.Email!);
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task The_person_filter_finds_entries_by_actor_by_target_and_by_a_typed_address()
    {
        var person = await app.CreateUserAsync($"Perla {Marker()}", Roles.Learner);
        var typed = $"{Marker()}@typed.example.org";
        var (asActor, asTarget, asTyped, other) = (Marker(), Marker(), Marker(), Marker());
        await AddAsync(
            Entry(asActor, actorName: person.Email!, actorUserId: person.Id),
            Entry(asTarget, action: AuditActions.RolesChanged, targetType: "person", targetId: person.Id),
            Entry(asTyped, action: AuditActions.SignInFailed, actorName: "anonymous", targetId: typed),
            Entry(other));
        var client = await AdminAsync();

        var byName = await client.GetStringAsync($"/admin/audit?person={Uri.EscapeDataString(person.FullName)}");
        var byEmail = await client.GetStringAsync($"/admin/audit?person={Uri.EscapeDataString(person.Email!)}");
        var byTyped = await client.GetStringAsync($"/admin/audit?person={Uri.EscapeDataString(typed)}");

        foreach (var page in new[] { byName, byEmail })
        {
            Assert.Contains(asActor, page);
            Assert.Contains(asTarget, page);
            Assert.DoesNotContain(asTyped, page);
            Assert.DoesNotContain(other, page);
        }
        Assert.Contains(asTyped, byTyped);
        Assert.DoesNotContain(asActor, byTyped);
        // A person is shown by their current address, not their user id.
        Assert.Contains($"<td>person {person.Email}</td>", byName);
    }

    [Fact]
    public async Task The_action_filter_shows_only_that_action()
    {
        var (created, revoked) = (Marker(), Marker());
        await AddAsync(Entry(created, action: AuditActions.UnitCreated), Entry(revoked, action: AuditActions.CertificateRevoked));
        var client = await AdminAsync();

        var page = await client.GetStringAsync($"/admin/audit?activity={AuditActions.UnitCreated}");

        Assert.Contains(created, page);
        Assert.DoesNotContain(revoked, page);
        Assert.Contains($"<option value=\"{AuditActions.UnitCreated}\" selected=\"selected\">Unit created</option>", page);
    }

    [Fact]
    public async Task The_date_range_includes_both_whole_utc_days_and_nothing_outside()
    {
        var (before, firstDay, lastDay, after) = (Marker(), Marker(), Marker(), Marker());
        await AddAsync(
            Entry(before, at: new DateTime(1999, 3, 9, 23, 59, 59, DateTimeKind.Utc)),
            Entry(firstDay, at: new DateTime(1999, 3, 10, 0, 0, 0, DateTimeKind.Utc)),
            Entry(lastDay, at: new DateTime(1999, 3, 11, 23, 59, 59, DateTimeKind.Utc)),
            Entry(after, at: new DateTime(1999, 3, 12, 0, 0, 0, DateTimeKind.Utc)));
        var client = await AdminAsync();

        var page = await client.GetStringAsync("/admin/audit?from=1999-03-10&to=1999-03-11");

        Assert.Contains(firstDay, page);
        Assert.Contains(lastDay, page);
        Assert.DoesNotContain(before, page);
        Assert.DoesNotContain(after, page);
        Assert.True(page.IndexOf(lastDay, StringComparison.Ordinal) < page.IndexOf(firstDay, StringComparison.Ordinal), "Newest first.");
    }

    [Fact]
    public async Task Entries_come_a_hundred_a_page_and_the_page_links_keep_the_filters()
    {
        var marker = Marker();
        var start = new DateTime(1998, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddAsync([.. Enumerable.Range(0, AuditQuery.PageSize + 1)
            .Select(i => Entry($"{marker} number {i:000}", actorName: $"{marker}@example.org", at: start.AddMinutes(i)))]);
        var client = await AdminAsync();

        var first = await client.GetStringAsync($"/admin/audit?person={marker}");
        var second = await client.GetStringAsync($"/admin/audit?person={marker}&page=2");

        Assert.Contains($"{marker} number 100", first);
        Assert.Contains($"{marker} number 001", first);
        Assert.DoesNotContain($"{marker} number 000", first);
        Assert.Contains($"href=\"/admin/audit?person={marker}&amp;page=2\" rel=\"next\"", first);
        Assert.Contains($"{marker} number 000", second);
        Assert.DoesNotContain($"{marker} number 001", second);
        Assert.Contains($"href=\"/admin/audit?person={marker}&amp;page=1\" rel=\"prev\"", second);
    }

    [Fact]
    public async Task The_page_is_one_get_form_with_labelled_filters_and_a_table_with_column_headers()
    {
        var client = await AdminAsync();

        var page = await client.GetStringAsync("/admin/audit");

        Assert.Contains("<h1>Audit log</h1>", page);
        Assert.Contains("<form method=\"get\" action=\"/admin/audit\"", page);
        foreach (var field in new[] { "person", "activity", "from", "to" })
        {
            Assert.Contains($"<label for=\"{field}\">", page);
        }
        Assert.Contains("<th scope=\"col\">Action</th>", page);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_says_how_to_write_one()
    {
        var client = await AdminAsync();

        var page = await client.GetStringAsync("/admin/audit?from=last-tuesday");

        Assert.Contains("Enter dates as year-month-day", page);
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Coordinator)]
    public async Task Only_admins_may_read_the_audit_log(string role)
    {
        var person = await app.CreateUserAsync($"Not admin {role}", role);
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.GetAsync("/admin/audit");
        var denied = await client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/error/403", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_filtered_log_exports_as_csv_with_every_matching_entry_neutralised_formulas_and_the_download_itself_audited()
    {
        var marker = Marker();
        var day = new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);
        await AddAsync(
            Entry($"=HYPERLINK(\"http://evil.example/{marker}\")", at: day),
            Entry($"{marker} moved", action: AuditActions.UnitMoved, at: day),
            Entry($"{marker} the day after", at: day.AddDays(1)));
        var admin = await AdminAsync();

        var response = await admin.GetAsync($"/admin/audit/export.csv?person=&activity={AuditActions.UnitRenamed}&from=2026-03-14&to=2026-03-14");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines); // the rename of that day only: not the move, not the next day
        Assert.Contains("'=HYPERLINK", line, StringComparison.Ordinal); // a spreadsheet shows it as text
        Assert.StartsWith("When (UTC)", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);

        // The page links to the export with its filters; the download is on record, with them.
        var page = await admin.GetStringAsync($"/admin/audit?activity={AuditActions.UnitRenamed}");
        Assert.Contains($"/admin/audit/export.csv?activity={AuditActions.UnitRenamed}", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains(app.WithDb(db => db.AuditEntries.Where(e => e.Action == AuditActions.ExportDownloaded).Select(e => e.Detail).ToList()),
            d => d.StartsWith("audit-log.csv", StringComparison.Ordinal) && d.Contains("from=2026-03-14", StringComparison.Ordinal));

        var xlsx = await admin.GetAsync($"/admin/audit/export.xlsx?activity={AuditActions.UnitRenamed}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var learner = await app.LoggedInClientAsync((await app.CreateUserAsync("Lou Learner", Roles.Learner)).Email!);
        var refused = await learner.GetAsync("/admin/audit/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/error/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
