namespace OrleansMonitor.Grains.Alerting;

/// <summary>Configuration section <c>Alerting</c>: the links alerts carry.</summary>
public sealed class AlertLinkOptions
{
    public const string Section = "Alerting";

    /// <summary>
    /// The API host's base URL as people reach it (for example <c>https://monitor.example.com</c>); alerts carry signed
    /// acknowledge links under it (<c>{PublicUrl}/ack/{token}</c>). Empty: alerts carry no links.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>How long an acknowledge link works after its alert was planned.</summary>
    public TimeSpan AcknowledgeLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
