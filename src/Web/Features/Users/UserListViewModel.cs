namespace Training.Web.Features.Users;

public sealed record UserListViewModel(string? Query, IReadOnlyList<UserSummary> Users);
