using Microsoft.Extensions.Logging;
using OrleansMonitor.GrainInterfaces.Silos;
using OrleansMonitor.Grains.Identity;

namespace OrleansMonitor.Grains.Silos;

/// <summary>Asks the membership for the active silos, then each silo's agent, in parallel with a deadline.</summary>
[StatelessWorker]
[GrainType("cluster-report")]
public sealed class ClusterReportGrain(IdentityStore store, ILogger<ClusterReportGrain> logger) : Grain, IClusterReportGrain
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<ClusterReport> ReportAsync()
    {
        var database = store.PingAsync();
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var asked = hosts.Keys.Select(silo => (Silo: silo.ToParsableString(), Report: AskAsync(silo.ToParsableString()))).ToArray();
        await Task.WhenAll(asked.Select(a => a.Report));
        var reports = asked.Where(a => a.Report.Result is not null).Select(a => a.Report.Result!).OrderBy(r => r.Silo, StringComparer.Ordinal).ToArray();
        var unanswered = asked.Where(a => a.Report.Result is null).Select(a => a.Silo).Order(StringComparer.Ordinal).ToArray();
        return new ClusterReport(await database, reports, unanswered);
    }

    private async Task<SiloReport?> AskAsync(string silo)
    {
        try
        {
            return await GrainFactory.GetGrain<ISiloAgentGrain>(silo).ReportAsync().WaitAsync(Deadline);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            logger.LogWarning(ex, "Silo {Silo} did not report", silo);
            return null;
        }
    }
}
