using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Storage;

/// <summary>What a re-activated monitor reads back: exactly the rows its rebuild needs, in one round trip.</summary>
public sealed class HeartbeatHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Until = new(2026, 1, 2, 10, 22, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("history");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FiguresHoldTheDaysRollupsAndHoursBeforeTheRawTailAndTheRawRowsOfTheLastHour()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        foreach (var monitor in new[] { id, other })
        {
            await _database.ExecuteAsync("INSERT INTO om_monitors (monitor_id, workspace_id, project_id, monitor_type, name) VALUES ($1, $2, $2, 'http', 'm')", monitor, Guid.NewGuid());
        }

        // Roll-ups: older than a day, inside the day, the bucket where the raw tail starts (09:20), the other monitor's.
        foreach (var (monitor, bucket) in new[] { (id, Until.AddHours(-25)), (id, Until.AddHours(-3)), (id, Until.AddMinutes(-62)), (other, Until.AddHours(-3)) })
        {
            await _database.ExecuteAsync(
                "INSERT INTO om_rollups_5m (monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max, latency_sum_all) VALUES ($1, date_bin('5 minutes', $2, TIMESTAMPTZ 'epoch'), 10, 9, 900, 80, 120, 1000)",
                monitor, bucket.UtcDateTime);
        }

        foreach (var hour in new[] { Until.AddHours(-26), Until.AddHours(-5) })
        {
            await _database.ExecuteAsync("INSERT INTO om_latency_hours (monitor_id, hour, histogram) VALUES ($1, date_trunc('hour', $2), $3)", id, hour.UtcDateTime, new byte[] { 1, 2 });
        }

        // Raw rows: before the tail, inside it, and one taken after the activation began (not the rebuild's).
        var raw = new[] { Until.AddMinutes(-70), Until.AddMinutes(-61), Until.AddMinutes(-30), Until.AddMinutes(-1), Until.AddSeconds(1) };
        for (var i = 0; i < raw.Length; i++)
        {
            await _database.ExecuteAsync(
                "INSERT INTO om_heartbeats (monitor_id, id, checked_at, status, latency_ms, is_down, message, in_maintenance) VALUES ($1, $2, $3, '200', 42, false, 'ok', false)",
                id, (long)i + 1, raw[i].UtcDateTime);
        }

        var history = new HeartbeatHistory(_database.DataSource);
        var figures = await history.FiguresAsync(id, Until, newest: 3);

        var rawSince = new DateTimeOffset(2026, 1, 2, 9, 20, 0, TimeSpan.Zero);
        Assert.Equal(rawSince, figures.RawSince);
        var rollup = Assert.Single(figures.Rollups);
        Assert.Equal(new StoredRollup(new DateTimeOffset(2026, 1, 2, 7, 20, 0, TimeSpan.Zero), 10, 9, 1000, 80, 120), rollup);
        Assert.Equal([Grains.Metrics.LatencyWindow.HourOf(Until.AddHours(-5))], figures.LatencyHours.Keys);
        Assert.Equal([Until.AddMinutes(-61), Until.AddMinutes(-30), Until.AddMinutes(-1)], figures.Raw.Select(c => c.At));
        Assert.All(figures.Raw, c => Assert.Equal(42, c.LatencyMs));
        Assert.Equal(Until, figures.Until);
        Assert.Equal([Until.AddMinutes(-61), Until.AddMinutes(-30), Until.AddMinutes(-1)], figures.Newest.Select(h => h.Date));
    }

    [Fact]
    public async Task RollupsWrittenBeforeTheAllChecksLatencyColumnFallBackToTheSuccessfulChecksSum()
    {
        var id = Guid.NewGuid();
        await _database.ExecuteAsync(
            "INSERT INTO om_rollups_5m (monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max) VALUES ($1, date_bin('5 minutes', $2, TIMESTAMPTZ 'epoch'), 10, 9, 900, 80, 120)",
            id, Until.AddHours(-3).UtcDateTime);

        var figures = await new HeartbeatHistory(_database.DataSource).FiguresAsync(id, Until, newest: 3);

        Assert.Equal(900, Assert.Single(figures.Rollups).LatencySum);
    }
}
