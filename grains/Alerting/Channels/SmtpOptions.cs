namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Configuration section <c>Smtp</c>: the mail server alert emails go through. <see cref="UseTls"/> requires TLS: implicit
/// TLS on port 465, STARTTLS on any other port (a server without STARTTLS then fails the send rather than getting the mail
/// in clear). Without <see cref="Username"/> no authentication is attempted.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The server's host name; empty means email alerts are not configured.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary>Require TLS (true by default); false sends in clear, for a relay on the local network or a test server.</summary>
    public bool UseTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address ("OrleansMonitor &lt;alerts@example.com&gt;" or "alerts@example.com").</summary>
    public string From { get; set; } = string.Empty;
}
