using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Analytics, percentiles, uptime reports and incidents are exact for a known recorded history.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AnalyticsTests(ClusterFixture fixture)
{
    private async Task<(ApiUser User, Guid Project, Guid Device)> QuietDeviceAsync()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Reported");
        // A push device with a one-day interval records nothing by itself during the test.
        var device = await user.CreateDeviceAsync(project, new { name = "Known history", type = "heartbeat", heartbeat = new { interval = 86400, grace = 0 } });
        return (user, project, Guid.Parse(device.Id));
    }

    private static async Task<IReadOnlyList<DashmonIncident>> IncidentsAsync(ApiUser user, string status) =>
        (await user.Session.GetJsonAsync<DashmonIncidentList>($"/api/incidents?status={status}")).Incidents;

    private Task InsertAsync(Guid device, long id, DateTimeOffset at, int latency, bool down) =>
        fixture.Monitoring.Database.ExecuteAsync(
            "INSERT INTO om_heartbeats (monitor_id, id, checked_at, status, latency_ms, is_down, message) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            device, id, at.UtcDateTime, down ? "DOWN" : "200", latency, down, down ? "Connection refused" : "200 - OK");

    private async Task SeedAsync(Guid workspace, Guid device)
    {
        var now = DateTimeOffset.UtcNow;
        // Last 24 h: 20 successful checks at 10, 20, ..., 200 ms and 5 failures.
        for (var i = 1; i <= 20; i++)
        {
            await InsertAsync(device, i, now.AddMinutes(-10 * i), 10 * i, down: false);
        }

        for (var i = 21; i <= 25; i++)
        {
            await InsertAsync(device, i, now.AddMinutes(-10 * i), 0, down: true);
        }

        // Three days ago: 10 more successful checks at 1,000 ms (inside 7d, outside 24h).
        for (var i = 26; i <= 35; i++)
        {
            await InsertAsync(device, i, now.AddDays(-3).AddMinutes(-i), 1000, down: false);
        }

        // The writer keeps five-minute roll-ups beside raw rows; rows inserted by hand get theirs the same way.
        await fixture.Monitoring.Database.ExecuteAsync("""
            INSERT INTO om_rollups_5m (monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max)
            SELECT monitor_id, date_bin('5 minutes', checked_at, TIMESTAMPTZ 'epoch'), count(*), count(*) FILTER (WHERE NOT is_down),
                   coalesce(sum(latency_ms) FILTER (WHERE NOT is_down), 0), coalesce(min(latency_ms) FILTER (WHERE NOT is_down), 0),
                   coalesce(max(latency_ms) FILTER (WHERE NOT is_down), 0)
            FROM om_heartbeats WHERE monitor_id = $1 GROUP BY 1, 2
            """, device);

        // Two resolved outages in the last 24 h: 600 s and 300 s.
        foreach (var (start, seconds) in new[] { (now.AddHours(-5), 600), (now.AddHours(-2), 300) })
        {
            await fixture.Monitoring.Database.ExecuteAsync(
                "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, resolved_at, cause, resolution) VALUES ($1, $2, $3, $4, 'Connection refused', '200 - OK')",
                device, workspace, start.UtcDateTime, start.AddSeconds(seconds).UtcDateTime);
        }
    }

    [Fact]
    public async Task DeviceAnalyticsAreExactForTheRecordedSeries()
    {
        var (user, _, device) = await QuietDeviceAsync();
        await SeedAsync(user.UserId, device);

        var day = await user.Session.GetJsonAsync<DashmonAnalytics>($"/api/devices/{device}/analytics?range=24h");
        var week = await user.Session.GetJsonAsync<DashmonAnalytics>($"/api/devices/{device}/analytics?range=7d");

        Assert.Equal(25, day.Checks);
        Assert.Equal(5, day.Failures);
        Assert.Equal(80, day.UptimePercentage);
        Assert.Equal(900, day.DowntimeSeconds);
        Assert.Equal(2, day.Incidents);
        Assert.Equal(105, day.Latency.Average);
        Assert.Equal(100, day.Latency.P50);
        Assert.Equal(190, day.Latency.P95);
        Assert.Equal(200, day.Latency.P99);

        Assert.Equal(35, week.Checks);
        Assert.Equal(5, week.Failures);
        Assert.Equal(Math.Round(100.0 * 30 / 35, 4), week.UptimePercentage);
        Assert.Equal(Math.Round((2100 + 10_000) / 30.0, 3), week.Latency.Average);
        Assert.Equal(1000, week.Latency.P95);
        Assert.Equal(150, week.Latency.P50); // 15th of 10..200 then ten 1,000s
    }

    [Fact]
    public async Task LatencyPercentilesFollowTheWindow()
    {
        var (user, _, device) = await QuietDeviceAsync();
        await SeedAsync(user.UserId, device);

        var hour = await user.Session.GetJsonAsync<DashmonPercentiles>($"/api/devices/{device}/latency/percentiles?window=1h");
        var month = await user.Session.GetJsonAsync<DashmonPercentiles>($"/api/devices/{device}/latency/percentiles?window=30d");

        // The last hour holds the checks at 10, 20, 30, 40 and 50 minutes ago: 10..50 ms.
        Assert.Equal(5, hour.Samples);
        Assert.Equal(30, hour.P50);
        Assert.Equal(50, hour.P99);
        Assert.Equal(30, month.Samples);
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{device}/latency/percentiles?window=2h"), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{device}/analytics?range=1y"), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task IncidentsAreListedByStatusWithinTheWorkspaceOnly()
    {
        var (user, project, device) = await QuietDeviceAsync();
        var stranger = await fixture.NewUserAsync();
        await SeedAsync(user.UserId, device);
        await fixture.Monitoring.Database.ExecuteAsync(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, now() - interval '1 minute', 'Timeout')",
            device, user.UserId);

        var all = await IncidentsAsync(user, "all");
        var open = await IncidentsAsync(user, "open");
        var resolved = await IncidentsAsync(user, "resolved");

        Assert.Equal(3, all.Count);
        var current = Assert.Single(open);
        Assert.Equal("Timeout", current.Cause);
        Assert.Equal("Known history", current.DeviceName);
        Assert.Equal(project.ToString(), current.ProjectId);
        Assert.Null(current.End);
        Assert.Equal(2, resolved.Count);
        Assert.Equal([300.0, 600.0], resolved.Select(i => i.DurationSeconds).Order());
        Assert.Empty(await IncidentsAsync(stranger, "all"));
        await ApiAssert.ErrorAsync(await user.Session.GetAsync("/api/incidents?status=closed"), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await stranger.Session.GetAsync($"/api/devices/{device}/analytics"), HttpStatusCode.NotFound, "device_not_found");
    }

    [Fact]
    public async Task ScopedMemberSeesEveryIncidentOfItsProjectsHoweverManyOthersHave()
    {
        var owner = await fixture.NewUserAsync();
        var member = await fixture.NewUserAsync();
        var visible = await owner.CreateProjectAsync("Visible");
        var hidden = await owner.CreateProjectAsync("Hidden");
        var quiet = new { name = "Quiet push", type = "heartbeat", heartbeat = new { interval = 86400, grace = 0 } };
        var inside = Guid.Parse((await owner.CreateDeviceAsync(visible, quiet)).Id);
        var outside = Guid.Parse((await owner.CreateDeviceAsync(hidden, quiet)).Id);
        // 600 resolved incidents in the hidden project, all newer than the visible project's one.
        await fixture.Monitoring.Database.ExecuteAsync(
            """
            INSERT INTO om_incidents (monitor_id, workspace_id, started_at, resolved_at, cause, resolution)
            SELECT $1, $2, now() - n * interval '1 minute', now() - n * interval '1 minute' + interval '10 seconds', 'Timeout', '200 - OK'
            FROM generate_series(1, 600) n
            """,
            outside, owner.UserId);
        await fixture.Monitoring.Database.ExecuteAsync(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, resolved_at, cause, resolution) VALUES ($1, $2, now() - interval '2 days', now() - interval '47 hours', 'Connection refused', '200 - OK')",
            inside, owner.UserId);
        await member.JoinAsync(owner, "viewer", [visible]);

        var seen = await IncidentsAsync(member, "all");
        var everything = await IncidentsAsync(owner, "all");

        var only = Assert.Single(seen);
        Assert.Equal(inside.ToString(), only.DeviceId);
        Assert.Equal(visible.ToString(), only.ProjectId);
        Assert.Equal("Connection refused", only.Cause);
        Assert.Equal(500, everything.Count);
        Assert.All(everything, i => Assert.Equal(hidden.ToString(), i.ProjectId));
    }

    [Fact]
    public async Task UptimeReportSumsPerDeviceAndPerProject()
    {
        var (user, project, device) = await QuietDeviceAsync();
        await SeedAsync(user.UserId, device);

        var report = await user.Session.GetJsonAsync<DashmonUptimeReport>("/api/reports/uptime?period=monthly");

        var periods = report.Devices.Single(d => d.DeviceId == device.ToString()).Periods;
        Assert.Equal(35, periods.Sum(p => p.Checks));
        Assert.Equal(30, periods.Sum(p => p.UpChecks));
        var projectPeriods = report.Projects.Single(p => p.ProjectId == project.ToString()).Periods;
        Assert.Equal(35, projectPeriods.Sum(p => p.Checks));
        await ApiAssert.ErrorAsync(await user.Session.GetAsync("/api/reports/uptime?period=hourly"), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }
}
