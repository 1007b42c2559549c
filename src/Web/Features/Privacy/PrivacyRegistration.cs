namespace Training.Web.Features.Privacy;

public static class PrivacyRegistration
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AccountAnonymiser>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<InactiveAccounts>();
        services.AddScoped<InactiveAccountJob>();
        return services;
    }
}
