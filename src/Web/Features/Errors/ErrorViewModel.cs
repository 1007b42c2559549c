namespace Training.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode);
