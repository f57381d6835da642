using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Lunalytics;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>
/// Reads of a monitor's history see the probes it has already shown, also while the heartbeat writer has not stored
/// them yet (its insert held back by a slow trigger), and never twice.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class UnflushedHeartbeatTests(FaultClusterFixture fixture)
{
    [Fact]
    public async Task DayStatusAndHistoryShowTheHeartbeatTheMonitorShowsBeforeItIsWritten()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var id = await user.AddMonitorAsync(new { name = "Unflushed", url = target.Url, type = "http", interval = 20, retryInterval = 20, requestTimeout = 5 });
        await Eventually.HoldsAsync(() => user.MonitorAsync(id), m => m.Heartbeats.Count >= 1, "a first heartbeat");

        await using (await fixture.SlowDownAsync("om_heartbeats", "INSERT", TimeSpan.FromSeconds(5), $"NEW.monitor_id = '{id}'"))
        {
            // A heartbeat taken after the trigger is in place cannot be in the table for the next 5 s.
            var armed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var shown = await Eventually.HoldsAsync(
                () => user.MonitorAsync(id),
                m => m.Heartbeats[0].Date > armed,
                "a heartbeat taken while inserts are held back");
            var newest = shown.Heartbeats[0];

            var day = await user.StatusAsync(id, "type=day");
            var history = (await user.HistoryAsync(id.ToString(), "1440")).Samples;

            var dayIds = day.Select(h => h.Id).ToArray();
            Assert.Contains(newest.Id, dayIds);
            Assert.Equal(dayIds.Distinct().Count(), dayIds.Length);
            Assert.Equal(dayIds.OrderDescending(), dayIds);
            var times = history.Select(s => DateTimeOffset.Parse(s.Time, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()).ToArray();
            Assert.Contains(newest.Date, times);
            Assert.Equal(times.Distinct().Count(), times.Length);
            Assert.Equal(times.Order(), times);
        }
    }
}
