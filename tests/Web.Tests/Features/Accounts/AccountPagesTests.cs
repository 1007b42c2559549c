using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>
/// The account pages are the site's own (localised, accessible), and each answers plainly in a state it does
/// not expect instead of failing.
/// </summary>
public sealed class AccountPagesTests : IClassFixture<TrainingAppFactory>
{
    private readonly TrainingAppFactory app;

    public AccountPagesTests(TrainingAppFactory app) => this.app = app;

    [Fact]
    public async Task Every_account_page_is_the_sites_own()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Where(p => p.AreaName == "Identity").ToList();
        var stock = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            if (compiled.ModelTypeInfo!.Assembly != typeof(Program).Assembly)
            {
                stock.Add(page.ViewEnginePath);
            }
        }

        Assert.Contains(pages, p => p.ViewEnginePath == "/Account/Manage/Disable2fa");
        Assert.Empty(stock); // EnableAuthenticator too is the site's own (with a QR code)
    }

    [Fact]
    public async Task Unused_stock_pages_answer_404()
    {
        var person = await app.CreateUserAsync("Ursula Unused", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        foreach (var page in AccountsRegistration.UnusedIdentityPages)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Identity" + page)).StatusCode);
        }
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        var person = await app.CreateUserAsync("Abel Antiforgery", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.PostAsync("/Identity/Account/Manage/Index", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.FullName"] = "Forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Abel Antiforgery", app.WithDb(db => db.Users.Single(u => u.Id == person.Id).FullName));
    }

    [Theory]
    [InlineData("/Identity/Account/ResetPassword")]
    [InlineData("/Identity/Account/ResetPassword?code=")]
    [InlineData("/Identity/Account/ResetPassword?code=x")]
    public async Task A_reset_link_without_a_readable_code_answers_400_and_offers_a_new_link(string link)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("This link does not work", page);
        Assert.Contains("href=\"/Identity/Account/ForgotPassword\"", page);
        Assert.DoesNotContain("Input.Password", page);
    }

    [Fact]
    public async Task A_used_reset_code_shows_the_form_again_with_a_message_and_keeps_the_typed_address()
    {
        var person = await app.CreateUserAsync("Uwe Used", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/ResetPassword?code=" + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("not-a-token")), new Dictionary<string, string>
        {
            ["Input.Email"] = person.Email!, ["Input.Password"] = "a brand new river walk", ["Input.ConfirmPassword"] = "a brand new river walk", ["Input.Code"] = "not-a-token",
        }, "/Identity/Account/ResetPassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("This link does not work any more", page);
        Assert.Contains($"value=\"{person.Email}\"", page);
        Assert.DoesNotContain("a brand new river walk", page);
    }

    [Fact]
    public async Task With_two_factor_off_turning_it_off_or_making_recovery_codes_goes_back_with_a_message()
    {
        var person = await app.CreateUserAsync("Otto Off", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        var disable = await client.GetAsync("/Identity/Account/Manage/Disable2fa");
        var disablePosted = await client.PostFormAsync("/Identity/Account/Manage/TwoFactorAuthentication", [], "/Identity/Account/Manage/Disable2fa");
        var shown = await client.GetStringAsync(disablePosted.Headers.Location);
        var codes = await client.GetAsync("/Identity/Account/Manage/GenerateRecoveryCodes");
        var codesPosted = await client.PostFormAsync("/Identity/Account/Manage/TwoFactorAuthentication", [], "/Identity/Account/Manage/GenerateRecoveryCodes");
        var codesShown = await client.GetStringAsync(codesPosted.Headers.Location);

        foreach (var response in new[] { disable, disablePosted, codes, codesPosted })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", response.Headers.Location!.OriginalString);
        }
        Assert.Contains("Two-factor authentication is not turned on, so there is nothing to turn off.", shown);
        Assert.Contains("Recovery codes are for two-factor authentication, which is not turned on.", codesShown);
        Assert.Null(app.WithDb(db => db.UserTokens.SingleOrDefault(t => t.UserId == person.Id && t.Name == "RecoveryCodes")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?userId={id}")]
    [InlineData("?userId={id}&email=new@example.org")]
    [InlineData("?userId={id}&email=new@example.org&code=x")]
    [InlineData("?userId={id}&email=new@example.org&code=bm90LWEtdG9rZW4")]
    [InlineData("?userId=nobody&email=new@example.org&code=bm90LWEtdG9rZW4")]
    public async Task An_e_mail_change_link_with_missing_or_wrong_parts_says_it_does_not_work_and_changes_nothing(string query)
    {
        var person = await app.CreateUserAsync("Lena Link", Roles.Learner);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Identity/Account/ConfirmEmailChange" + query.Replace("{id}", person.Id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This link does not work", await response.Content.ReadAsStringAsync());
        Assert.Equal(person.Email, app.WithDb(db => db.Users.Single(u => u.Id == person.Id).Email));
    }

    [Fact]
    public async Task An_e_mail_change_link_goes_to_the_new_address_and_changes_the_address_and_log_in_name()
    {
        var person = await app.CreateUserAsync("Edda Email", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);
        var newEmail = $"{Guid.NewGuid():N}@example.net";

        var asked = await client.PostFormAsync("/Identity/Account/Manage/Email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains($"We have sent a link to {newEmail}", WebUtility.HtmlDecode(await client.GetStringAsync(asked.Headers.Location)));
        Assert.Equal(person.Email, app.WithDb(db => db.Users.Single(u => u.Id == person.Id).Email));
        var mail = app.WithDb(db => db.Set<OutboxMessage>().Single(m => m.To == newEmail));
        Assert.Equal("Confirm your new e-mail address", mail.Subject);
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(mail.HtmlBody, "href=\"([^\"]*ConfirmEmailChange[^\"]*)\"").Groups[1].Value);

        var confirmed = await client.GetAsync(new Uri(link).PathAndQuery);

        Assert.Contains($"Your e-mail address is now {newEmail}", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
        var stored = app.WithDb(db => db.Users.AsNoTracking().Single(u => u.Id == person.Id));
        Assert.Equal(newEmail, stored.Email);
        Assert.Equal(newEmail, stored.UserName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Account/Manage")).StatusCode);
        await app.LoggedInClientAsync(newEmail);
    }

    [Fact]
    public async Task A_wrong_current_password_shows_the_form_again_linked_to_the_field_without_the_typed_passwords()
    {
        var person = await app.CreateUserAsync("Paula Password", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        var response = await client.PostFormAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not my password at all", ["Input.NewPassword"] = "another long river walk", ["Input.ConfirmPassword"] = "another long river walk",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_OldPassword\">The current password is wrong.</a>", page);
        Assert.Contains("autocomplete=\"current-password\"", page);
        Assert.DoesNotContain("another long river walk", page);
        Assert.DoesNotContain("not my password at all", page);
    }

    [Fact]
    public async Task The_profile_saves_the_name_printed_on_certificates_and_keeps_what_was_typed_on_error()
    {
        var person = await app.CreateUserAsync("Pia Profile", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        var tooLong = await client.PostFormAsync("/Identity/Account/Manage", new Dictionary<string, string> { ["Input.FullName"] = new string('x', 201) });
        var saved = await client.PostFormAsync("/Identity/Account/Manage", new Dictionary<string, string> { ["Input.FullName"] = "  Pia Profil-Müller " });

        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains(new string('x', 201), await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Pia Profil-Müller", app.WithDb(db => db.Users.Single(u => u.Id == person.Id).FullName));
    }
}
