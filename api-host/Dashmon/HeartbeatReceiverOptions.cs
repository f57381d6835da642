using System.ComponentModel.DataAnnotations;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>Limits of the public heartbeat receiver (section <c>HeartbeatReceiver</c>), per receiver token.</summary>
public sealed class HeartbeatReceiverOptions
{
    public const string Section = "HeartbeatReceiver";

    /// <summary>Heartbeats accepted per token in each <see cref="Window"/>; more answer 429.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "HeartbeatReceiver:PermitsPerToken must be a whole number of at least 1")]
    public int PermitsPerToken { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "HeartbeatReceiver:Window must be a time span from 00:00:01 to 1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
