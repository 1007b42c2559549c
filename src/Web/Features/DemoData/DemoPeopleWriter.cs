using Microsoft.AspNetCore.Identity;
using Training.Courses.People;

namespace Training.Web.Features.DemoData;

/// <summary>
/// Writes accounts as Identity would (normalised names, security stamps, confirmed), all sharing one
/// password hash: hashing 50,000 passwords would take minutes. With their role, unit history and, for
/// coordinators, their region.
/// </summary>
internal sealed class DemoPeopleWriter
{
    private readonly DemoRowWriter writer;
    private readonly ILookupNormalizer normalizer;
    private readonly Dictionary<string, string> roleIds;
    private readonly string passwordHash;
    private readonly Random random;

    public DemoPeopleWriter(DemoRowWriter writer, ILookupNormalizer normalizer, Dictionary<string, string> roleIds, string passwordHash, Random random)
    {
        (this.writer, this.normalizer, this.roleIds, this.passwordHash, this.random) = (writer, normalizer, roleIds, passwordHash, random);
        writer.Declare<TrainingUser>(
            nameof(TrainingUser.Id), nameof(TrainingUser.UserName), nameof(TrainingUser.NormalizedUserName), nameof(TrainingUser.Email),
            nameof(TrainingUser.NormalizedEmail), nameof(TrainingUser.EmailConfirmed), nameof(TrainingUser.PasswordHash),
            nameof(TrainingUser.SecurityStamp), nameof(TrainingUser.ConcurrencyStamp), nameof(TrainingUser.PhoneNumberConfirmed),
            nameof(TrainingUser.TwoFactorEnabled), nameof(TrainingUser.LockoutEnabled), nameof(TrainingUser.AccessFailedCount),
            nameof(TrainingUser.FullName), nameof(TrainingUser.UnitId), nameof(TrainingUser.JobTitle), nameof(TrainingUser.CreatedAt),
            nameof(TrainingUser.Language));
        writer.Declare<IdentityUserRole<string>>(nameof(IdentityUserRole<>.UserId), nameof(IdentityUserRole<>.RoleId));
        writer.Declare<UnitMembership>(nameof(UnitMembership.UserId), nameof(UnitMembership.UnitId), nameof(UnitMembership.From), nameof(UnitMembership.Until));
        writer.Declare<UnitCoordinator>(nameof(UnitCoordinator.UserId), nameof(UnitCoordinator.UnitId), nameof(UnitCoordinator.Since));
    }

    public int EarlierMemberships { get; private set; }

    public async Task AddAsync(DemoPerson person, CancellationToken cancellationToken)
    {
        var stamp = new byte[20];
        random.NextBytes(stamp);
        await writer.AddAsync<TrainingUser>(cancellationToken,
            person.Id, person.Email, normalizer.NormalizeName(person.Email), person.Email, normalizer.NormalizeEmail(person.Email), true, passwordHash,
            Convert.ToHexString(stamp), DemoOrganisation.NewId(random), false,
            false, true, 0,
            person.FullName, person.UnitId, person.JobTitle, person.CreatedAt,
            person.Language);
        await writer.AddAsync<IdentityUserRole<string>>(cancellationToken, person.Id, roleIds[person.Role]);
        if (person.EarlierUnitId is int earlier)
        {
            await writer.AddAsync<UnitMembership>(cancellationToken, person.Id, earlier, person.CreatedAt, person.JoinedAt);
            EarlierMemberships++;
        }
        if (person.UnitId is int unit)
        {
            await writer.AddAsync<UnitMembership>(cancellationToken, person.Id, unit, person.JoinedAt, null);
        }
        if (person.Role == Accounts.Roles.Coordinator)
        {
            await writer.AddAsync<UnitCoordinator>(cancellationToken, person.Id, person.UnitId, person.CreatedAt);
        }
    }
}
