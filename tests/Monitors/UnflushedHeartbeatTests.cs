using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.Tests.Infrastructure;

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
        await Eventually.HoldsAsync(() => user.GetMonitorAsync(id), m => m["heartbeats"]!.AsArray().Count >= 1, "a first heartbeat");

        await using (await fixture.SlowDownAsync("om_heartbeats", "INSERT", TimeSpan.FromSeconds(5), $"NEW.monitor_id = '{id}'"))
        {
            // A heartbeat taken after the trigger is in place cannot be in the table for the next 5 s.
            var armed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var shown = await Eventually.HoldsAsync(
                () => user.GetMonitorAsync(id),
                m => m["heartbeats"]![0]!["date"]!.GetValue<long>() > armed,
                "a heartbeat taken while inserts are held back");
            var newest = shown["heartbeats"]![0]!;

            var day = (await user.Session.GetFromJsonAsync<JsonArray>($"/api/monitor/status?monitorId={id}&type=day"))!;
            var history = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/history?limit=1440"))!["samples"]!.AsArray();

            var dayIds = day.Select(h => h!["id"]!.GetValue<long>()).ToArray();
            Assert.Contains(newest["id"]!.GetValue<long>(), dayIds);
            Assert.Equal(dayIds.Distinct().Count(), dayIds.Length);
            Assert.Equal(dayIds.OrderDescending(), dayIds);
            var times = history.Select(s => DateTimeOffset.Parse(s!["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()).ToArray();
            Assert.Contains(newest["date"]!.GetValue<long>(), times);
            Assert.Equal(times.Distinct().Count(), times.Length);
            Assert.Equal(times.Order(), times);
        }
    }
}
