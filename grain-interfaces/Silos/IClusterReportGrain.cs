namespace OrleansMonitor.GrainInterfaces.Silos;

/// <summary>Gathers every active silo's report and the database's state in one call (a stateless worker; any key).</summary>
public interface IClusterReportGrain : IGrainWithIntegerKey
{
    Task<ClusterReport> ReportAsync();
}
