using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Training.Courses.People;

namespace Training.Web.Features.Accounts;

/// <summary>
/// OWASP ASVS 5.0 password rules beyond Identity's minimum length: accept up to 64 characters, refuse
/// common passwords and the account's own e-mail address. There are no composition rules on purpose.
/// </summary>
public sealed class PasswordPolicyValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<TrainingUser>
{
    public const int MaximumLength = 64;

    private static readonly FrozenSet<string> CommonPasswords = LoadCommonPasswords();

    public Task<IdentityResult> ValidateAsync(UserManager<TrainingUser> manager, TrainingUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = localizer["Passwords can be at most {0} characters long.", MaximumLength] });
        }
        if (CommonPasswords.Contains(password.Trim()))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = localizer["This password is too common and easy to guess. Choose another, such as a phrase of several words."] });
        }
        if (IsAccountName(password, user))
        {
            errors.Add(new IdentityError { Code = "PasswordIsAccountName", Description = localizer["The password must not be your e-mail address or user name."] });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsAccountName(string password, TrainingUser user)
    {
        string?[] names = [user.Email, user.UserName, user.Email?.Split('@')[0]];
        return names.Any(name => !string.IsNullOrEmpty(name) && string.Equals(name, password, StringComparison.OrdinalIgnoreCase));
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicyValidator).Assembly.GetManifestResourceStream("Training.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
