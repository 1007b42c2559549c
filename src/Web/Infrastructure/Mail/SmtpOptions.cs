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

    /// <summary>How often the outbox is checked for mail to send; 0 turns the background sender off.</summary>
    [Range(0, 3600)]
    public int DispatchIntervalSeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
