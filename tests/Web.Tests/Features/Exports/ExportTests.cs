using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Training.Courses.Assignments;
using Training.Courses.Audit;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Features.Exports;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Exports;

/// <summary>
/// The exports against the pages they export: the same rows in the same order for the same filter (all pages of
/// the list), formulas neutralised in both formats, nothing outside the coordinator's units, and an audit entry each.
/// </summary>
public sealed partial class ExportTests(ExportTests.ManyPeople site) : IClassFixture<ExportTests.ManyPeople>
{
    public static TheoryData<string> Filters => new()
    {
        "q={marker}&sort=name",                                        // filtered in the database, streamed
        "unit={north}&course={welcome}&state=NotStarted&sort=email",   // states from AssignmentStatusQuery
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_people_export_has_exactly_the_rows_of_every_page_of_the_list_in_the_same_order(string filter)
    {
        var query = site.Fill(filter);
        var client = await site.App.LoggedInClientAsync(site.CoordinatorEmail);
        var shown = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = await client.GetStringAsync($"/coordinate/people?{query}&page={page}");
            shown.AddRange(EmailCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                Assert.True(page > 1, "The list must have more than one page for this test to mean anything.");
                break;
            }
        }

        var csv = await CsvAsync(client, $"/coordinate/people/export.csv?{query}&page=2");
        var xlsx = await XlsxAsync(client, $"/coordinate/people/export.xlsx?{query}&page=2");

        Assert.True(shown.Count > Training.Web.Features.Coordination.PeopleQuery.PageSize);
        Assert.Equal(shown, csv.Skip(1).Select(r => r[1]));
        Assert.Equal(shown, xlsx.Skip(1).Select(r => r[1]));
        Assert.Equal(csv[0], xlsx[0]); // the same localised headings
        Assert.DoesNotContain(site.SouthEmail, shown);
    }

    [Fact]
    public async Task Cells_that_would_start_a_formula_are_neutralised_in_both_formats()
    {
        var client = await site.App.LoggedInClientAsync(site.CoordinatorEmail);
        var query = site.Fill("q={marker}");

        var bytes = await client.GetByteArrayAsync($"/coordinate/people/export.csv?{query}");
        var csv = Csv(bytes);
        var xlsx = await XlsxAsync(client, $"/coordinate/people/export.xlsx?{query}");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 with a byte order mark, for Excel
        foreach (var rows in new[] { csv, xlsx })
        {
            var names = rows.Skip(1).Select(r => r[0]).ToList();
            Assert.Contains("'=HYPERLINK(\"http://x\")", names);
            Assert.Contains("'+1", names);
            Assert.Contains("'@SUM(A1)", names);
            Assert.Contains("'-2+3", names);
            Assert.DoesNotContain(names, n => n.Length > 0 && "=+-@".Contains(n[0], StringComparison.Ordinal));
        }
        Assert.Equal("'\tTab", ExportWriter.Neutralise("\tTab"));
        Assert.Equal("'\rReturn", ExportWriter.Neutralise("\rReturn"));
        Assert.Equal("Zoë Ærø", ExportWriter.Neutralise("Zoë Ærø"));
    }

    [Fact]
    public async Task Exports_of_another_units_person_or_assignment_are_not_found_and_list_exports_leave_them_out()
    {
        var client = await site.App.LoggedInClientAsync(site.CoordinatorEmail);

        foreach (var url in new[]
        {
            $"/coordinate/people/{site.SouthPersonId}/transcript.csv", $"/coordinate/people/{site.SouthPersonId}/transcript.xlsx",
            $"/coordinate/assignments/{site.SouthAssignmentId}/export.csv", $"/coordinate/assignments/{site.SouthAssignmentId}/export.xlsx",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
        // South's person matches the search; only the scope keeps them out.
        var everyone = await CsvAsync(client, $"/coordinate/people/export.csv?{site.Fill("q={marker}")}");
        var everyoneXlsx = await XlsxAsync(client, $"/coordinate/people/export.xlsx?{site.Fill("q={marker}")}");
        var certificates = await CsvAsync(client, "/certificates/export.csv");
        Assert.Contains(everyone, r => r[1] == site.CompletedEmail);
        Assert.DoesNotContain(everyone, r => r.Contains(site.SouthEmail) || r.Contains(site.SouthName));
        Assert.DoesNotContain(everyoneXlsx, r => r.Contains(site.SouthEmail) || r.Contains(site.SouthName));
        Assert.Contains(certificates, r => r[0] == site.CompletedName);
        Assert.DoesNotContain(certificates, r => r[0] == site.SouthName);
    }

    [Fact]
    public async Task Each_export_writes_an_audit_entry_with_what_and_which_filters()
    {
        // A coordinator of their own, so the entries counted are this test's.
        var auditor = await site.App.CreateUserAsync("Ada Auditor", Roles.Coordinator);
        await site.App.CoordinateAsync(site.North, auditor.Email!);
        var client = await site.App.LoggedInClientAsync(auditor.Email!);
        var exports = new[]
        {
            $"/coordinate/people/export.csv?{site.Fill("q={marker}&sort=name")}", $"/coordinate/people/export.xlsx?{site.Fill("q={marker}")}",
            $"/coordinate/people/{site.CompletedId}/transcript.csv", $"/coordinate/people/{site.CompletedId}/transcript.xlsx",
            $"/coordinate/assignments/{site.NorthAssignmentId}/export.csv", $"/coordinate/assignments/{site.NorthAssignmentId}/export.xlsx",
            "/certificates/export.csv?q=Welcome", "/certificates/export.xlsx?olderVersions=true",
        };
        foreach (var url in exports)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        var entries = site.App.WithDb(db => db.AuditEntries.Where(e => e.ActorUserId == auditor.Id && e.Action == AuditActions.ExportDownloaded)
            .OrderBy(e => e.Id).Select(e => new { e.TargetType, e.TargetId, e.Detail }).ToList());
        Assert.Equal(exports.Length, entries.Count);
        Assert.Equal(["people", "people", "transcript", "transcript", "assignment", "assignment", "certificates", "certificates"], entries.Select(e => e.TargetType));
        Assert.Equal($"people.csv: q={site.Marker}, sort=name", entries[0].Detail);
        Assert.Equal(site.CompletedId, entries[2].TargetId);
        Assert.Equal("certificates.csv: q=Welcome", entries[6].Detail);
        Assert.Equal("certificates.xlsx: olderVersions=true", entries[7].Detail);
    }

    [Fact]
    public async Task The_transcript_and_the_assignment_export_hold_the_persons_parts_and_the_assigned_people()
    {
        var client = await site.App.LoggedInClientAsync(site.CoordinatorEmail);

        var transcript = await CsvAsync(client, $"/coordinate/people/{site.CompletedId}/transcript.csv");
        var transcriptXlsx = await XlsxAsync(client, $"/coordinate/people/{site.CompletedId}/transcript.xlsx");
        var assignment = await CsvAsync(client, $"/coordinate/assignments/{site.NorthAssignmentId}/export.csv");
        var assignmentXlsx = await ExcelRowsAsync(client, $"/coordinate/assignments/{site.NorthAssignmentId}/export.xlsx");

        Assert.Equal(["Courses", "Certificates", "Unit history"], transcript.Skip(1).Select(r => r[2]).Distinct());
        Assert.All(transcript.Skip(1), r => Assert.Equal(site.CompletedEmail, r[1]));
        Assert.Equal(transcript, transcriptXlsx);
        var people = site.App.WithDb(db => db.AssignedCourses.Where(a => a.AssignmentId == site.NorthAssignmentId).Count());
        Assert.Equal(people, assignment.Count - 1);
        Assert.Equal("Completed", assignment.Single(r => r[1] == site.CompletedEmail)[3]);
        // Dates stay dates in Excel (the due date column).
        Assert.IsType<DateTime>(assignmentXlsx[1]["E"]);
    }

    [GeneratedRegex("<td>([^<\\s]+@example\\.org)</td>")]
    private static partial Regex EmailCell();

    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return Csv(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<string[]> Csv(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes.AsSpan(3));
        using var csv = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: false);
        var rows = new List<string[]> { csv.Headers.ToArray() };
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "")]);
        }
        return rows;
    }

    /// <summary>The sheet as text, as the CSV has it, to compare the two.</summary>
    private static async Task<List<string[]>> XlsxAsync(HttpClient client, string url) =>
        [.. (await ExcelRowsAsync(client, url)).Select(r => r.Values.Select(v => v switch
        {
            null => "",
            DateTime at => at.ToString(at.TimeOfDay == TimeSpan.Zero && at.Kind != DateTimeKind.Utc ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        }).ToArray())];

    private static async Task<List<IDictionary<string, object?>>> ExcelRowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>
    /// North (coordinated) with more than a page of people whose e-mail carries a marker, some named like
    /// formulas, all assigned the welcome course (one completed it); South with one person matching the marker
    /// and an assignment of its own.
    /// </summary>
    public sealed class ManyPeople : IAsyncLifetime
    {
        public TrainingAppFactory App { get; } = new();

        public string Marker { get; } = $"exp{Guid.NewGuid().ToString("N")[..8]}";

        public Training.Courses.Organisations.Unit North { get; private set; } = null!;

        public string CoordinatorEmail { get; private set; } = "";

        public int WelcomeId { get; private set; }

        public int NorthAssignmentId { get; private set; }

        public int SouthAssignmentId { get; private set; }

        public string CompletedId { get; private set; } = "";

        public string CompletedName => $"{Marker} Completed";

        public string CompletedEmail => $"{Marker}-completed@example.org";

        public string SouthPersonId { get; private set; } = "";

        public string SouthName => $"{Marker} Southby";

        public string SouthEmail => $"{Marker}-south@example.org";

        public string Fill(string filter) => filter.Replace("{marker}", Marker, StringComparison.Ordinal)
            .Replace("{north}", North.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{welcome}", WelcomeId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        public async Task InitializeAsync()
        {
            var organisation = await App.CreateUnitAsync("Police");
            North = await App.CreateUnitAsync("North", organisation);
            var crossing = await App.CreateUnitAsync("Crossing", North);
            var south = await App.CreateUnitAsync("South", organisation);
            var coordinator = await App.CreateUserAsync("Nils Coordinator", Roles.Coordinator);
            CoordinatorEmail = coordinator.Email!;
            await App.CoordinateAsync(North, CoordinatorEmail);

            var people = Enumerable.Range(1, 56).Select(i => ($"{Marker} Person {i:00}", $"{Marker}-{i:00}@example.org", i % 3 == 0 ? crossing : North))
                .Concat([("=HYPERLINK(\"http://x\")", $"{Marker}-f1@example.org", North), ("+1", $"{Marker}-f2@example.org", North),
                    ("@SUM(A1)", $"{Marker}-f3@example.org", crossing), ("-2+3", $"{Marker}-f4@example.org", North)])
                .ToList();
            await AddPeopleAsync(people);
            CompletedId = (await AddPeopleAsync([(CompletedName, CompletedEmail, North)]))[0];
            SouthPersonId = (await AddPeopleAsync([(SouthName, SouthEmail, south)]))[0];

            WelcomeId = App.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
            NorthAssignmentId = await AssignAsync(North);
            SouthAssignmentId = await AssignAsync(south);
            using var scope = App.Services.CreateScope();
            var progress = scope.ServiceProvider.GetRequiredService<ProgressService>();
            Assert.Equal(CompletionOutcome.Completed, await progress.MarkCompleteAsync(CompletedId, "welcome", "how-these-courses-work", default));
            Assert.Equal(CompletionOutcome.Completed, await progress.MarkCompleteAsync(CompletedId, "welcome", "words-that-respect-people", default));
        }

        /// <summary>People straight in the database (no password: quicker than Identity's hashing for sixty people).</summary>
        private async Task<List<string>> AddPeopleAsync(IEnumerable<(string Name, string Email, Training.Courses.Organisations.Unit Unit)> people)
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            var ids = new List<string>();
            foreach (var (name, email, unit) in people)
            {
                var person = new TrainingUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, FullName = name, SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(person);
                Memberships.Move(db, person, unit.Id, DateTime.UtcNow, null);
                ids.Add(person.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        }

        private async Task<int> AssignAsync(Training.Courses.Organisations.Unit unit)
        {
            using var scope = App.Services.CreateScope();
            var (outcome, id) = await scope.ServiceProvider.GetRequiredService<AssignmentService>()
                .AssignAsync(Actor.CommandLine(), WelcomeId, unit.Id, [], null, 30, default);
            Assert.Equal(AssignOutcome.Done, outcome);
            return id;
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }
}
