using Microsoft.Extensions.Localization;
using Training.Courses.Audit;

namespace Training.Web.Features.Audit;

/// <summary>The words an admin reads for each stored action name, in the interface language.</summary>
public static class AuditActionNames
{
    public static IReadOnlyDictionary<string, string> In(IStringLocalizer<SharedResource> localizer) => new Dictionary<string, string>
    {
        [AuditActions.SignInSucceeded] = localizer["Log-in succeeded"],
        [AuditActions.SignInFailed] = localizer["Log-in failed"],
        [AuditActions.SignInLockedOut] = localizer["Log-in locked out"],
        [AuditActions.SingleSignOnLinked] = localizer["Single sign-on linked to an account"],
        [AuditActions.AccountDeleted] = localizer["Account deleted"],
        [AuditActions.AccountDeletionRefused] = localizer["Account deletion refused"],
        [AuditActions.PersonalDataDownloaded] = localizer["Personal data downloaded"],
        [AuditActions.InactivityWarningSent] = localizer["Inactive account warned"],
        [AuditActions.RolesChanged] = localizer["Roles changed"],
        [AuditActions.UnitCreated] = localizer["Unit created"],
        [AuditActions.UnitRenamed] = localizer["Unit renamed"],
        [AuditActions.UnitMoved] = localizer["Unit moved"],
        [AuditActions.UnitArchived] = localizer["Unit archived"],
        [AuditActions.UnitRestored] = localizer["Unit restored"],
        [AuditActions.UnitDeleted] = localizer["Unit deleted"],
        [AuditActions.CoordinatorAdded] = localizer["Coordinator added"],
        [AuditActions.CoordinatorRemoved] = localizer["Coordinator removed"],
        [AuditActions.PersonCreated] = localizer["Person created"],
        [AuditActions.PersonMoved] = localizer["Person moved"],
        [AuditActions.PeopleImported] = localizer["People imported"],
        [AuditActions.InvitationSent] = localizer["Invitation sent"],
        [AuditActions.InvitationAccepted] = localizer["Invitation accepted"],
        [AuditActions.CertificateIssued] = localizer["Certificate issued"],
        [AuditActions.CertificateRevoked] = localizer["Certificate revoked"],
        [AuditActions.ExportDownloaded] = localizer["Export downloaded"],
        [AuditActions.CourseImported] = localizer["Course imported"],
        [AuditActions.CourseCreated] = localizer["Course created"],
        [AuditActions.CoursePublished] = localizer["Course published"],
        [AuditActions.CourseRestored] = localizer["Old version restored as a draft"],
        [AuditActions.CourseConverted] = localizer["Course taken over by the site"],
        [AuditActions.CourseTrainerAdded] = localizer["Trainer given a course"],
        [AuditActions.CourseTrainerRemoved] = localizer["Trainer's course taken back"],
        [AuditActions.AssignmentCreated] = localizer["Course assigned"],
        [AuditActions.AssignmentExempted] = localizer["Exemption from an assignment"],
        [AuditActions.AssignmentExtended] = localizer["Due date extended"],
    };
}
