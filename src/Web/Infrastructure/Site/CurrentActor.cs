using System.Security.Claims;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Infrastructure.Site;

/// <summary>
/// Who acts in this request and what they may see, resolved at most once per request (the first page or
/// service that asks pays one or two small queries; pages that never ask pay nothing).
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, TrainingDbContext db)
{
    private Task<Actor>? resolved;

    public Task<Actor> GetAsync(CancellationToken cancellationToken) => resolved ??= ResolveAsync(cancellationToken);

    private Task<Actor> ResolveAsync(CancellationToken cancellationToken)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("CurrentActor is only for requests.");
        var user = context.User;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Task.FromResult(Actor.Anonymous(ip));
        }
        var name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? userId;
        return ActorResolver.ResolveAsync(db, userId, name, ip, user.IsInRole(Roles.Admin), user.IsInRole(Roles.Coordinator), cancellationToken);
    }
}
