namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>Limits of the public heartbeat receiver (section <c>HeartbeatReceiver</c>), per receiver token.</summary>
public sealed class HeartbeatReceiverOptions
{
    /// <summary>Heartbeats accepted per token in each <see cref="Window"/>; more answer 429.</summary>
    public int PermitsPerToken { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
