using System.ComponentModel.DataAnnotations;

namespace Training.Web.Infrastructure.Mail;

/// <summary>The <c>Smtp</c> section. Without a host, mail goes to the pickup folder instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "Training <no-reply@training.invalid>";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
