using Training.Courses.People;

namespace Training.Web.Features.People;

public sealed record ImportProblemRow(int Line, string? Column, string Message);

public sealed record PeopleImportViewModel(bool DryRun, string? Error, PeopleImportResult? Result, IReadOnlyList<ImportProblemRow> Problems)
{
    public static PeopleImportViewModel Empty { get; } = new(false, null, null, []);
}

public sealed record WaitingInvitationsViewModel(IReadOnlyList<WaitingInvitationRow> People, DateTime Now);

public sealed record InvitationLinkViewModel(string Token, InvitationStatus Status, string? Email, string? Sent);
