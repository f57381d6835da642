using System.Globalization;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Configuration section <c>Alerting:Channels</c>: what every channel sender shares. One attempt of any channel lasts at most
/// <see cref="Timeout"/>, so a stalled receiver holds the outbox for no longer.
/// </summary>
public sealed class ChannelOptions
{
    public const string Section = "Alerting:Channels";

    /// <summary>The longest one send attempt may take, connection included (10 s by default).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>"Timed out after 10 s": what an attempt that ran out of time reports.</summary>
    public string TimeoutText() => $"Timed out after {Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
