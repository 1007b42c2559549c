using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SkiaSharp;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>The authenticator set-up page draws its QR code on the server, and an app that scans it can finish the set-up.</summary>
public sealed partial class AuthenticatorSetupTests(TrainingAppFactory app) : IClassFixture<TrainingAppFactory>
{
    private const string Page = "/Identity/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task The_page_shows_the_key_and_a_qr_code_of_the_otpauth_address_that_zbar_reads()
    {
        var person = await app.CreateUserAsync("Otto Tp", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);

        var html = await client.GetStringAsync(Page);

        var uri = WebUtility.HtmlDecode(QrAddress().Match(html).Groups[1].Value);
        var key = WebUtility.HtmlDecode(KeyShown().Match(html).Groups[1].Value).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal($"otpauth://totp/Training:{System.Text.Encodings.Web.UrlEncoder.Default.Encode(person.Email!)}?secret={key}&issuer=Training&digits=6", uri);
        Assert.Contains("<h1>My account</h1>", html); // the account pages' layout and navigation
        Assert.Contains("<title id=\"authenticator-qr-title\">QR code for your authenticator app. If you cannot scan it, type the key shown beside it.</title>", html);
        Assert.DoesNotContain("<script", html[html.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(uri, ReadWithZbar(WebUtility.HtmlDecode(QrPath().Match(html).Groups[1].Value)));
    }

    [Fact]
    public async Task The_page_shows_the_same_key_until_it_is_verified_and_the_code_of_the_app_turns_two_factor_on()
    {
        var person = await app.CreateUserAsync("Tess Totp", Roles.Learner);
        var client = await app.LoggedInClientAsync(person.Email!);
        var html = await client.GetStringAsync(Page);
        var key = WebUtility.HtmlDecode(KeyShown().Match(html).Groups[1].Value).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains(KeyShown().Match(html).Value, await client.GetStringAsync(Page));

        var wrong = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The code is not valid.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Id == person.Id).TwoFactorEnabled));

        var right = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Code"] = Totp(key) });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Identity/Account/Manage/ShowRecoveryCodes", right.Headers.Location!.OriginalString);
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Id == person.Id).TwoFactorEnabled));
    }

    /// <summary>Draws the SVG's path as black squares on white, 8 pixels a module, and reads it with zbar's zbarimg.</summary>
    private static string ReadWithZbar(string pathData)
    {
        using var path = SKPath.ParseSvgPathData(pathData);
        Assert.NotNull(path);
        var modules = (int)Math.Ceiling(path.Bounds.Right) + 4;
        using var bitmap = new SKBitmap(modules * 8, modules * 8);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(8);
            using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
            canvas.DrawPath(path, black);
        }
        var folder = Directory.CreateTempSubdirectory("authenticator-qr").FullName;
        var file = Path.Combine(folder, "qr.png");
        using (var stream = File.Create(file))
        {
            bitmap.Encode(stream, SKEncodedImageFormat.Png, 100);
        }
        using var process = Process.Start(new ProcessStartInfo("zbarimg", ["--quiet", "--raw", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"zbarimg failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
        return output.Trim();
    }

    /// <summary>The code an authenticator app shows now (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).</summary>
    private static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var secret = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; this test plays the app.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-otpauth-uri=\"([^\"]+)\"")]
    private static partial Regex QrAddress();

    [GeneratedRegex("<kbd class=\"authenticator-key\">([^<]+)</kbd>")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<path fill=\"#000\" d=\"([^\"]+)\"")]
    private static partial Regex QrPath();
}
