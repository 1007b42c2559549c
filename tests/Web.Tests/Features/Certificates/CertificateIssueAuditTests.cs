using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Certificates;

/// <summary>What a certificate says is on record from the moment it is issued, with the completion that issued it.</summary>
public sealed class CertificateIssueAuditTests : IDisposable
{
    private readonly TrainingAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Completing_a_course_issues_its_certificate_and_one_audit_entry_naming_it()
    {
        var learner = await app.CreateUserAsync("Ines Issued", Roles.Learner);

        await app.CompleteWelcomeAsync(learner.Id);

        var code = app.WithDb(db => db.Certificates.Where(c => c.UserId == learner.Id).Select(c => c.Code).Single());
        var entry = app.WithDb(db => db.AuditEntries.Single(e => e.Action == AuditActions.CertificateIssued && e.TargetId == code));
        Assert.Equal(learner.Id, entry.ActorUserId);
        Assert.Equal(learner.Email, entry.ActorName);
        Assert.Equal("certificate", entry.TargetType);
        Assert.Contains("Ines Issued", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("major version 1", entry.Detail, StringComparison.Ordinal);

        // Completing again issues nothing new and records nothing new.
        await app.CompleteWelcomeAsync(learner.Id);
        Assert.Equal(1, app.WithDb(db => db.AuditEntries.Count(e => e.Action == AuditActions.CertificateIssued && e.ActorUserId == learner.Id)));
    }
}
