using Microsoft.Extensions.Localization;
using Training.Assessment.Certificates;
using Training.Courses.Assignments;
using Training.Web.Features.Coordination;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Exports;

/// <summary>Each list's columns, with the headings in the interface language, and its rows as cells.</summary>
public sealed class ExportTables(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The people list's columns; the state and due date only when the list is filtered by course or state, as on the page.</summary>
    public ExportTable People(PeopleFilter filter, IAsyncEnumerable<PersonRow> rows)
    {
        var withState = filter.Course is not null || filter.State is not null;
        List<string> headings = [localizer["Name"], localizer["E-mail address"], localizer["Unit"], localizer["Account"]];
        if (withState)
        {
            headings.AddRange([localizer["Assigned training"], localizer["Due date"]]);
        }
        headings.AddRange([localizer["Courses completed"], localizer["Valid certificates"]]);
        return new ExportTable("people", headings, Cells(rows, p => withState
            ? [p.FullName, p.Email, p.UnitPath, Account(p), State(p.State?.State), p.State?.DueOn, p.CoursesCompleted, p.ValidCertificates]
            : [p.FullName, p.Email, p.UnitPath, Account(p), p.CoursesCompleted, p.ValidCertificates]));
    }

    public ExportTable Assignment(AssignmentDetail detail) => new(
        $"assignment-{detail.Assignment.Id}",
        [localizer["Name"], localizer["E-mail address"], localizer["Unit"], localizer["State"], localizer["Due date"], localizer["Assigned on"],
            localizer["Exempt on"], localizer["Reason for the exemption"], localizer["Extended to"], localizer["Reason for the extension"], localizer["Completed on"]],
        Cells(detail.People.ToAsyncEnumerable(), p => [p.FullName, p.Email, p.UnitPath, State(p.Status.Status.State), p.Status.Status.DueOn, p.Status.Assigned.AssignedAt,
            p.Status.Assigned.ExemptAt, p.Status.Assigned.ExemptionReason, p.Status.Assigned.ExtendedTo, p.Status.Assigned.ExtensionReason, p.Status.CompletedAt]));

    public ExportTable Certificates(IAsyncEnumerable<CertificateRow> rows) => new(
        "certificates",
        [localizer["Learner"], localizer["Course"], localizer["Completed on"], localizer["Valid until"], localizer["Course version"],
            localizer["Current course version"], localizer["Code"], localizer["Revoked on"], localizer["Reason for revoking"]],
        Cells(rows, c => [c.LearnerName, c.CourseTitle, c.CompletedAt, c.ExpiresAt, c.CertifiedMajorVersion, c.CurrentMajorVersion, c.Code, c.RevokedAt, c.RevocationReason]));

    /// <summary>The audit log as the admin filtered it: every entry, newest first, the action in the interface language.</summary>
    public ExportTable AuditLog(IAsyncEnumerable<Courses.Audit.AuditRow> rows)
    {
        var names = Audit.AuditActionNames.In(localizer);
        return new ExportTable("audit-log",
            [localizer["When (UTC)"], localizer["Who"], localizer["From address"], localizer["Action"], localizer["Target"], localizer["Detail"]],
            Cells(rows, r => [r.Entry.At, r.Entry.ActorName, r.Entry.IpAddress, names.GetValueOrDefault(r.Entry.Action, r.Entry.Action),
                r.TargetEmail ?? (r.Entry.TargetId is null ? r.Entry.TargetType : $"{r.Entry.TargetType} {r.Entry.TargetId}"), r.Entry.Detail]));
    }

    /// <summary>
    /// The transcript as one table with a section column (courses, quiz attempts, certificates, unit history),
    /// not a sheet per part: CSV has no sheets, so both formats get the same shape, and a spreadsheet filters
    /// by section. Each row repeats the person, so transcripts can be pasted together.
    /// </summary>
    public ExportTable Transcript(PersonViewModel person)
    {
        string name = person.Person.FullName, email = person.Person.Email;
        string courses = localizer["Courses"], attempts = localizer["Quiz attempts"], certificates = localizer["Certificates"], history = localizer["Unit history"];
        var rows = person.Courses.Select(c => new object?[] { name, email, courses, c.CourseTitle, null, null, c.EnrolledAt, c.CompletedAt, c.ModulesCompleted, c.Modules, null, c.CompletedAt is null ? localizer["Not yet"].Value : localizer["Completed"].Value, null })
            .Concat(person.Attempts.Select(a => new object?[] { name, email, attempts, a.CourseTitle, a.ModuleTitle ?? localizer["Final assessment"].Value, a.Number, a.StartedAt, a.SubmittedAt, null, null, a.Score, Result(a.Passed), null }))
            .Concat(person.Certificates.Select(c => new object?[] { name, email, certificates, c.CourseTitle, null, null, c.CompletedAt, c.ExpiresAt, null, null, null, c.RevokedAt is null ? localizer["Valid"].Value : localizer["Revoked"].Value, c.Code }))
            .Concat(person.History.Select(m => new object?[] { name, email, history, m.UnitPath, null, null, m.From, m.Until, null, null, null, null, null }));
        return new ExportTable($"transcript-{person.Person.Id}",
            [localizer["Name"], localizer["E-mail address"], localizer["Section"], localizer["Course or unit"], localizer["Quiz"], localizer["Attempt"],
                localizer["From"], localizer["Until"], localizer["Modules completed"], localizer["Modules"], localizer["Score (%)"], localizer["Result"], localizer["Code"]],
            rows.ToAsyncEnumerable());
    }

    private static async IAsyncEnumerable<object?[]> Cells<T>(IAsyncEnumerable<T> rows, Func<T, object?[]> cells)
    {
        await foreach (var row in rows)
        {
            yield return cells(row);
        }
    }

    private string Account(PersonRow person) => person.HasPassword ? localizer["Active"] : localizer["Invitation not accepted"];

    private string Result(bool? passed) => passed switch { true => localizer["Passed"], false => localizer["Not passed"], null => localizer["In progress"] };

    private string? State(AssignmentState? state) => state switch
    {
        null => null,
        AssignmentState.NotStarted => localizer["Not started"].Value,
        AssignmentState.InProgress => localizer["In progress"].Value,
        AssignmentState.Completed => localizer["Completed"].Value,
        AssignmentState.Overdue => localizer["Overdue"].Value,
        _ => localizer["Exempt"].Value,
    };
}
