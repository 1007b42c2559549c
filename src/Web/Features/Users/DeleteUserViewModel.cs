namespace Training.Web.Features.Users;

public sealed record DeleteUserViewModel(UserSummary User, string? Error);
