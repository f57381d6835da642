using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Storage;

/// <summary>Raw heartbeats, roll-ups and finished alert history past their retention are removed in batches; recent ones stay, and so does a delivery still to be sent.</summary>
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

        var removed = await fixture.Monitoring.SiloService<HistoryRetention>().RunOnceAsync();

        Assert.NotNull(removed);
        Assert.True(removed.Value.Raw >= 45);
        Assert.True(removed.Value.Rollups >= 1);
        Assert.Equal(5, await database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", monitor));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM om_rollups_5m WHERE monitor_id = $1", monitor));
    }

    [Fact]
    public async Task FinishedDeliveriesWebhookCallsAndEndedFlappingEpisodesPastTheirRetentionAreRemovedAndPendingDeliveriesKept()
    {
        var database = fixture.Monitoring.Database;
        var workspace = Guid.NewGuid();
        async Task DeliveryAsync(string key, short status, int completedDaysAgo)
        {
            await database.ExecuteAsync("""
                INSERT INTO om_alert_deliveries (id, workspace_id, channel, destination, event, idempotency_key, status, not_before, created_at, completed_at)
                VALUES (gen_random_uuid(), $1, 0, 'https://hooks.example.test/', '{}', $2, $3, now() - interval '200 days', now() - interval '200 days',
                        CASE WHEN $3 IN (0, 1) THEN NULL ELSE now() - make_interval(days => $4) END)
                """, workspace, key + workspace.ToString("N"), status, completedDaysAgo);
        }

        await DeliveryAsync("old-sent", 2, 91);
        await DeliveryAsync("old-failed", 3, 120);
        await DeliveryAsync("old-cancelled", 4, 100);
        await DeliveryAsync("recent-sent", 2, 89);
        await DeliveryAsync("old-pending", 0, 0); // recorded 200 days ago and still due (a receiver away that long): kept
        var (monitor, episode) = (Guid.NewGuid(), -Random.Shared.NextInt64(2, long.MaxValue / 2)); // ids no incident of the shared database has
        await database.ExecuteAsync("""
            INSERT INTO om_flapping (id, monitor_id, workspace_id, started_at, last_change_at, stable_minutes, stable_at, ended_at)
            VALUES ($3, $1, $2, now() - interval '100 days', now() - interval '100 days', 10, now() - interval '100 days', now() - interval '100 days'),
                   ($3 - 1, $1, $2, now() - interval '10 days', now() - interval '10 days', 10, now() - interval '10 days', now() - interval '10 days')
            """, monitor, workspace, episode);

        var webhook = Guid.NewGuid();
        await database.ExecuteAsync("""
            INSERT INTO om_webhooks (id, workspace_id, name, alias, notification_types, token, token_hash, created_at)
            VALUES ($1, $2, 'Retained', 'retained', '{2}', 'mdt_x', decode(md5($1::text), 'hex'), now() - interval '200 days')
            """, webhook, workspace);
        await database.ExecuteAsync("""
            INSERT INTO om_webhook_calls (id, webhook_id, workspace_id, kind, title, message, severity, created_at)
            VALUES (gen_random_uuid(), $1, $2, 6, 'old', '', '', now() - interval '91 days'), (gen_random_uuid(), $1, $2, 6, 'recent', '', '', now() - interval '1 day');
            """, webhook, workspace);

        var removed = await fixture.Monitoring.SiloService<HistoryRetention>().RunOnceAsync();

        Assert.True(removed!.Value.Alerts >= 5);
        Assert.Equal("recent", await database.ScalarAsync<string>("SELECT string_agg(title, ',') FROM om_webhook_calls WHERE webhook_id = $1", webhook));
        var kept = await database.ScalarAsync<string>(
            "SELECT string_agg(left(idempotency_key, -32), ',' ORDER BY idempotency_key) FROM om_alert_deliveries WHERE workspace_id = $1", workspace);
        Assert.Equal("old-pending,recent-sent", kept);
        Assert.Equal(episode - 1, await database.ScalarAsync<long>("SELECT id FROM om_flapping WHERE monitor_id = $1", monitor));
    }
}
