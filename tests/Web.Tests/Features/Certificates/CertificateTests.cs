using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Assessment.Certificates;
using Training.Courses.Enrolment;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Features.Certificates;
using Training.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Training.Web.Tests.Features.Certificates;

/// <summary>Certificates for the sample course (two modules, no quizzes, valid 24 months).</summary>
public sealed class CertificateTests : IDisposable
{
    private const string BaseUrl = "https://training.example.org";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly TrainingAppFactory app;

    public CertificateTests()
    {
        app = new TrainingAppFactory().WithSetting("Site:BaseUrl", BaseUrl).WithSetting("Certificates:IssuerName", "Ministry of the Interior").WithClock(clock);
        _ = app.Services;
    }

    [Fact]
    public async Task Completing_a_course_issues_one_certificate_even_when_completions_race()
    {
        var learner = await EnrolledAsync("Lan Nguyễn Thị");
        await CompleteModuleAsync(learner, "how-these-courses-work");
        await CompleteModuleAsync(learner, "words-that-respect-people");

        // The last module was completed above, which completed the course; two more racing attempts
        // must neither add a completion nor a certificate.
        var courseId = app.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ProgressService>().TryCompleteCourseAsync(learner, courseId, false, default);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // The loser of the race hits the unique index; what matters is what is stored.
            }
        })));

        var certificate = app.WithDb(db => db.Certificates.Single(c => c.UserId == learner));
        Assert.Equal(1, app.WithDb(db => db.CourseCompletions.Count(c => c.UserId == learner)));
        Assert.Equal("Lan Nguyễn Thị", certificate.LearnerName);
        Assert.Equal(26, certificate.Code.Length);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMonths(24), certificate.ExpiresAt);
    }

    [Fact]
    public async Task The_pdf_carries_the_names_in_arabic_and_vietnamese_and_a_qr_code_that_opens_the_verification_page()
    {
        var arabic = await CertifiedAsync("فاطمة الزهراء");
        var vietnamese = await CertifiedAsync("Trần Thị Hồng Nhung");

        foreach (var (learner, name) in new[] { (arabic, "فاطمة الزهراء"), (vietnamese, "Trần Thị Hồng Nhung") })
        {
            var client = await app.LoggedInClientAsync(learner.Email);
            var response = await client.GetAsync($"/certificates/{learner.Code}.pdf");
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();

            using (var pdf = PdfDocument.Open(bytes))
            {
                var page = pdf.GetPage(1);
                Assert.True(page.Width > page.Height, "A4 landscape");
                var text = page.Text.Normalize(NormalizationForm.FormKC);
                Assert.Contains("Certificate of completion", text);
                Assert.Contains("Ministry of the Interior", text);
                Assert.Contains(learner.Code, text);
                // Arabic comes back as shaped presentation forms, possibly in visual order: compare letters.
                var letters = new string(name.Normalize(NormalizationForm.FormKC).Where(char.IsLetter).ToArray());
                var found = new string(text.Where(char.IsLetter).ToArray());
                Assert.True(found.Contains(letters, StringComparison.Ordinal) || found.Contains(new string(letters.Reverse().ToArray()), StringComparison.Ordinal),
                    $"{name} not found in: {text}");
            }

            var qr = ReadQrCode(bytes);
            Assert.StartsWith($"{BaseUrl}/verify/{learner.Code}#", qr, StringComparison.Ordinal);
            var payload = qr[(qr.IndexOf('#', StringComparison.Ordinal) + 1)..];
            var claims = CertificateSigner.Verify(payload, app.Services.GetRequiredService<CertificateSigner>().PublicKeyPem);
            Assert.Equal(name, claims?.LearnerName);
        }
    }

    [Theory]
    [InlineData("王秀英")]
    [InlineData("Анна Петровна Смирнова")]
    public async Task Chinese_and_cyrillic_names_come_back_from_the_pdf(string name)
    {
        var holder = await CertifiedAsync(name);
        var client = await app.LoggedInClientAsync(holder.Email);
        var bytes = await client.GetByteArrayAsync($"/certificates/{holder.Code}.pdf");
        var folder = Directory.CreateTempSubdirectory("certificate-text").FullName;
        var file = Path.Combine(folder, "certificate.pdf");
        await File.WriteAllBytesAsync(file, bytes);

        // poppler's pdftotext reads the text through the fonts' Unicode maps, as a screen reader would.
        var text = Run("pdftotext", file, "-").Normalize(NormalizationForm.FormKC);

        Assert.Contains(name, text);
    }

    [Fact]
    public async Task A_learner_cannot_download_someone_elses_certificate()
    {
        var owner = await CertifiedAsync("Owner Person");
        var other = await app.LoggedInClientAsync((await app.CreateUserAsync("Nosy Parker", Roles.Learner)).Email!);

        var response = await other.GetAsync($"/certificates/{owner.Code}.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_public_page_shows_valid_expired_revoked_and_unknown()
    {
        var holder = await CertifiedAsync("Amal Haddad");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var valid = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/verify/{holder.Code}"));
        Assert.Contains("Valid", valid);
        Assert.Contains("Amal Haddad", valid);
        Assert.DoesNotContain(holder.Email, valid);

        var unknown = await anonymous.GetAsync("/verify/00000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No certificate has the code", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));

        clock.Advance(TimeSpan.FromDays(366 * 2 + 1));
        Assert.Contains("Expired", await anonymous.GetStringAsync($"/verify/{holder.Code}"));

        var coordinator = await app.LoggedInClientAsync((await app.CoordinatorOfAsync(holder.UserId)).Coordinator.Email!);
        var revoke = await coordinator.PostFormAsync("/certificates", new Dictionary<string, string> { ["reason"] = "Issued in error" }, $"/certificates/{holder.Code}/revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Contains("Revoked", await anonymous.GetStringAsync($"/verify/{holder.Code}"));
        var stored = app.WithDb(db => db.Certificates.Single(c => c.Code == holder.Code));
        Assert.Equal("Issued in error", stored.RevocationReason);
        Assert.NotNull(stored.RevokedByUserId);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, stored.RevokedAt);
    }

    [Fact]
    public async Task Learners_cannot_revoke()
    {
        var holder = await CertifiedAsync("Self Revoker");
        var client = await app.LoggedInClientAsync(holder.Email);

        var response = await client.PostFormAsync("/learn", new Dictionary<string, string> { ["reason"] = "mine" }, $"/certificates/{holder.Code}/revoke");

        Assert.StartsWith("/error/403", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Null(app.WithDb(db => db.Certificates.Single(c => c.Code == holder.Code).RevokedAt));
    }

    [Fact]
    public async Task The_verification_page_is_rate_limited()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await client.GetAsync($"/verify/CODE{i}")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.NotFound, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_signed_payload_verifies_with_the_public_key_and_fails_when_any_character_changes()
    {
        var signer = app.Services.GetRequiredService<CertificateSigner>();
        var publicKey = await app.CreateClient().GetStringAsync("/certificates/public-key.pem");
        var payload = signer.Sign(new CertificateClaims("ABC", "Nguyễn Văn An", "Spotting trafficking", new DateOnly(2026, 11, 23), new DateOnly(2028, 11, 23)));

        Assert.Equal("Nguyễn Văn An", CertificateSigner.Verify(payload, publicKey)?.LearnerName);
        for (var i = 0; i < payload.Length; i++)
        {
            var changed = payload[..i] + (payload[i] == 'A' ? 'B' : 'A') + payload[(i + 1)..];
            Assert.Null(CertificateSigner.Verify(changed, publicKey));
        }
        var output = new StringWriter();
        var keyFile = Path.Combine(app.DataFolder, "public.pem");
        await File.WriteAllTextAsync(keyFile, publicKey);
        Assert.Equal(0, CertificateCommand.Run(["certificate", "verify", payload, "--public-key", keyFile], new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), app.DataFolder, output));
        Assert.Contains("Name:      Nguyễn Văn An", output.ToString());
        Assert.Equal(1, CertificateCommand.Run(["certificate", "verify", payload[..^2] + "AA", "--public-key", keyFile], new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), app.DataFolder, new StringWriter()));
    }

    [Fact]
    public async Task The_openssl_recipe_in_the_readme_verifies_a_payload_and_refuses_a_changed_one()
    {
        var signer = app.Services.GetRequiredService<CertificateSigner>();
        var folder = Directory.CreateTempSubdirectory("openssl-check").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "public-key.pem"), signer.PublicKeyPem);
        var payload = signer.Sign(new CertificateClaims("CODE1", "فاطمة الزهراء", "Safe interviewing", new DateOnly(2026, 11, 23), null));
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var recipe = readme[readme.IndexOf("b64url() {", StringComparison.Ordinal)..];
        recipe = string.Join('\n', recipe.Split('\n').Take(3).Select(l => l.Trim()));

        string Check(string p) => RunShell(folder, $"payload='{p}'\n{recipe}");

        Assert.Contains("Verified OK", Check(payload));
        Assert.Contains("فاطمة الزهراء", Check(payload));
        Assert.Contains("Verification failure", Check(payload[..^3] + (payload[^3] == 'A' ? "B" : "A") + payload[^2..]));
    }

    private static string RunShell(string folder, string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private sealed record Holder(string UserId, string Email, string Code);

    private async Task<Holder> CertifiedAsync(string name)
    {
        var learner = await EnrolledAsync(name);
        await CompleteModuleAsync(learner, "how-these-courses-work");
        await CompleteModuleAsync(learner, "words-that-respect-people");
        return new Holder(learner, app.WithDb(db => db.Users.Single(u => u.Id == learner).Email!), app.WithDb(db => db.Certificates.Single(c => c.UserId == learner).Code));
    }

    private async Task<string> EnrolledAsync(string name)
    {
        var learner = await app.CreateUserAsync(name, Roles.Learner);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, "welcome", default);
        return learner.Id;
    }

    private async Task CompleteModuleAsync(string learner, string module)
    {
        using var scope = app.Services.CreateScope();
        Assert.Equal(CompletionOutcome.Completed, await scope.ServiceProvider.GetRequiredService<ProgressService>().MarkCompleteAsync(learner, "welcome", module, default));
    }

    /// <summary>Renders the page with poppler's pdftoppm and reads the QR code with zbar's zbarimg.</summary>
    private static string ReadQrCode(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("certificate-qr").FullName;
        var pdfFile = Path.Combine(folder, "certificate.pdf");
        File.WriteAllBytes(pdfFile, pdf);
        Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdfFile, Path.Combine(folder, "page"));
        return Run("zbarimg", "--quiet", "--raw", Path.Combine(folder, "page.png")).Trim();
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {error}");
        return output;
    }

    public void Dispose() => app.Dispose();
}
