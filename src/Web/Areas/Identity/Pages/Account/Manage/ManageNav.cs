namespace Training.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Which entry of the account menu a page of this folder belongs to, so the menu can mark it.</summary>
public static class ManageNav
{
    public static string SectionOf(string? page) => page?[(page.LastIndexOf('/') + 1)..] switch
    {
        "EnableAuthenticator" or "ResetAuthenticator" or "Disable2fa" or "GenerateRecoveryCodes" or "ShowRecoveryCodes" => "TwoFactorAuthentication",
        "DeletePersonalData" => "PersonalData",
        null or "" => "Index",
        var name => name,
    };
}
