using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Storage;

/// <summary>Raw heartbeats and roll-ups past their retention are removed in batches; recent ones stay.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RetentionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task OldRawHeartbeatsAndRollupsAreRemovedAndRecentOnesKept()
    {
        var database = fixture.Monitoring.Database;
        var monitor = Guid.NewGuid();
        await database.ExecuteAsync("INSERT INTO om_monitors (monitor_id, workspace_id, monitor_type, name) VALUES ($1, $2, 'http', 'retention')", monitor, Guid.NewGuid());
        for (var i = 0; i < 50; i++)
        {
            await database.ExecuteAsync(
                "INSERT INTO om_heartbeats (monitor_id, id, checked_at, status, latency_ms, is_down, message) VALUES ($1, $2, $3, '200', 1, false, 'ok')",
                monitor, (long)i, DateTime.UtcNow.AddDays(i < 45 ? -31 : -1).AddMinutes(-i));
        }

        await database.ExecuteAsync(
            "INSERT INTO om_rollups_5m VALUES ($1, now() - interval '400 days', 1, 1, 1, 1, 1), ($1, now() - interval '40 days', 1, 1, 1, 1, 1)", monitor);

        var removed = await fixture.Monitoring.SiloService<HeartbeatRetention>().RunOnceAsync();

        Assert.NotNull(removed);
        Assert.True(removed.Value.Raw >= 45);
        Assert.True(removed.Value.Rollups >= 1);
        Assert.Equal(5, await database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", monitor));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM om_rollups_5m WHERE monitor_id = $1", monitor));
    }
}
