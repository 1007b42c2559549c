using Training.Courses.People;

namespace Training.Web.Features.People;

public static class PeopleRegistration
{
    /// <summary>The web side of people: the invitation mail, problem texts, the invitation list.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<IInvitationMail, InvitationMail>();
        services.AddScoped<ImportProblemText>();
        services.AddScoped<InvitationListQuery>();
        return services;
    }
}
