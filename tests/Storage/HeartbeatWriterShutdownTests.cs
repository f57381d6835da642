using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Storage;

/// <summary>
/// On a real silo the writer stops last: after the silo has deactivated its grains (Orleans does that when the
/// lifecycle's BecomeActive stage stops), so what grains write while deactivating is still written.
/// </summary>
public sealed class HeartbeatWriterShutdownTests
{
    [Fact]
    public async Task HeartbeatsGrainsEnqueueWhileDeactivatingAreWrittenWhenTheSiloStops()
    {
        var cluster = new MonitoringCluster();
        await cluster.InitializeAsync();
        try
        {
            await cluster.SiloService<MonitorWarmup>().Completion.WaitAsync(TimeSpan.FromSeconds(30));
            var monitors = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
            foreach (var monitorId in monitors)
            {
                await cluster.Database.ExecuteAsync(
                    "INSERT INTO om_monitors (monitor_id, workspace_id, monitor_type, name) VALUES ($1, $2, 'http', 'shutdown test')", monitorId, Guid.NewGuid());
            }

            for (var i = 0; i < monitors.Length; i++)
            {
                await cluster.Client.GetGrain<IDeactivationHeartbeatGrain>(monitors[i]).ArmAsync(i + 1);
            }

            var writer = cluster.SiloService<HeartbeatWriter>();
            await cluster.Cluster.StopAllSilosAsync();

            Assert.Equal(
                monitors.Length,
                await cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = ANY($1)", monitors));
            Assert.Equal((0L, 0L), (writer.Pending, writer.Dropped));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
