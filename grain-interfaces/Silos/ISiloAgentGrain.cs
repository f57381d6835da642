namespace OrleansMonitor.GrainInterfaces.Silos;

/// <summary>
/// One per silo, keyed by the silo's address (<c>SiloAddress.ToParsableString()</c>) and always placed on that silo:
/// the way to ask a particular silo about itself. A call for a silo that is not in the cluster fails.
/// </summary>
public interface ISiloAgentGrain : IGrainWithStringKey
{
    /// <summary>This silo's engine figures.</summary>
    Task<SiloReport> ReportAsync();
}
