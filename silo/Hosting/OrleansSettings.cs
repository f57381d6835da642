namespace OrleansMonitor.Silo.Hosting;

/// <summary>Cluster identity and endpoints of a silo (section <c>Orleans</c>).</summary>
public sealed class OrleansSettings
{
    public string ClusterId { get; set; } = "orleans-monitor";
    public string ServiceId { get; set; } = "orleans-monitor";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at; loopback for a single machine.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
