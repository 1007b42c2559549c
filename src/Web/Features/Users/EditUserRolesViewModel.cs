namespace Training.Web.Features.Users;

public sealed record EditUserRolesViewModel(UserSummary User, string? Error);
