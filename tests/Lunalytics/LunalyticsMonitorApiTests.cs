using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Lunalytics;

/// <summary>Every route and response code of the Lunalytics monitor resource, through the real API host.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LunalyticsMonitorApiTests(ClusterFixture fixture)
{
    private static object HttpMonitor(string url) => new
    {
        name = "Lunalytics",
        url,
        type = "http",
        method = "GET",
        valid_status_codes = new[] { "200-299" },
        interval = 20,
        retryInterval = 20,
        requestTimeout = 5,
    };

    [Fact]
    public async Task AddReturnsTheFullHttpMonitorObject()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();

        var response = await user.Session.PostAsJsonAsync("/api/monitor/add", HttpMonitor(target.Url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var monitor = await response.ReadJsonAsync<LunalyticsMonitor>();
        Assert.True(Guid.TryParse(monitor.MonitorId, out _));
        Assert.Equal("Lunalytics", monitor.Name);
        Assert.Equal(target.Url, monitor.Url);
        Assert.Equal(20, monitor.Interval);
        Assert.Equal(20, monitor.RetryInterval);
        Assert.Equal(5, monitor.RequestTimeout);
        Assert.Equal("GET", monitor.Method);
        Assert.NotNull(monitor.Headers); // an object, however empty
        Assert.Equal(JsonValueKind.Object, monitor.Body?.ValueKind);
        Assert.Equal("200-299", monitor.ValidStatusCodes![0]);
        Assert.Equal(user.Email, monitor.Email);
        Assert.Equal("http", monitor.Type);
        Assert.Null(monitor.Port);
        Assert.Equal(0, monitor.UptimePercentage);
        Assert.True(monitor.NextCheck > DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        Assert.Empty(monitor.Heartbeats);
        Assert.False(monitor.Cert.IsValid);
    }

    [Fact]
    public async Task AddTcpMonitorHasNullHttpFields()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalTcpTarget.Start();

        var id = await user.AddMonitorAsync(new { name = "Lunalytics TCP", url = "127.0.0.1", type = "tcp", port = target.Port, interval = 20, retryInterval = 20, requestTimeout = 5 });
        var monitor = await user.MonitorAsync(id);

        Assert.Equal("tcp", monitor.Type);
        Assert.Equal(target.Port, monitor.Port);
        Assert.Null(monitor.Method);
        Assert.Null(monitor.Headers);
        Assert.Null(monitor.Body);
        Assert.Null(monitor.ValidStatusCodes);
    }

    [Fact]
    public async Task GetByIdShowsHeartbeatsUptimeAndLatencyWithinOneInterval()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var id = await user.AddMonitorAsync(HttpMonitor(target.Url));

        var monitor = await Eventually.HoldsAsync(() => user.MonitorAsync(id), m => m.Heartbeats.Count >= 2, "two heartbeats");

        var heartbeat = monitor.Heartbeats[0];
        Assert.Equal(200, heartbeat.Status.GetInt32());
        Assert.False(heartbeat.IsDown);
        Assert.Equal("200 - OK", heartbeat.Message);
        Assert.True(heartbeat.Date >= monitor.Heartbeats[1].Date);
        Assert.True(heartbeat.Id > monitor.Heartbeats[1].Id);
        Assert.Equal(100, monitor.UptimePercentage);
        Assert.Equal(heartbeat.Date, monitor.LastCheck);
        Assert.True(monitor.LatencyPercentiles["1h"].Count >= 2);
    }

    [Theory]
    [InlineData("""{"name":"ab","url":"http://127.0.0.1/","type":"http","interval":30,"retryInterval":30,"requestTimeout":30}""", "name")]
    [InlineData("""{"name":"Valid","url":"ftp://127.0.0.1/","type":"http","interval":30,"retryInterval":30,"requestTimeout":30}""", "url")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","method":"TRACE","interval":30,"retryInterval":30,"requestTimeout":30}""", "method")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","interval":19,"retryInterval":30,"requestTimeout":30}""", "interval")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","interval":30,"retryInterval":601,"requestTimeout":30}""", "retryInterval")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","interval":30,"retryInterval":30,"requestTimeout":4}""", "requestTimeout")]
    [InlineData("""{"name":"Valid","url":"localhost","type":"tcp","port":80,"interval":30,"retryInterval":30,"requestTimeout":30}""", "url")]
    [InlineData("""{"name":"Valid","url":"127.0.0.1","type":"tcp","port":70000,"interval":30,"retryInterval":30,"requestTimeout":30}""", "port")]
    [InlineData("""{"name":"Valid","url":"127.0.0.1","type":"udp","interval":30,"retryInterval":30,"requestTimeout":30}""", "type")]
    [InlineData("""{"name":42,"url":"http://127.0.0.1/","type":"http"}""", "name")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","interval":"30"}""", "interval")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","interval":30.5}""", "interval")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","headers":["x"]}""", "headers")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","valid_status_codes":"200"}""", "valid_status_codes")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","valid_status_codes":["700"]}""", "valid_status_codes")]
    [InlineData("""{"name":"Valid","url":"http://127.0.0.1/","type":"http","interval":1e30}""", "interval")]
    public async Task InvalidMonitorInformationIs422WithTheFieldNamed(string json, string field)
    {
        var user = await fixture.NewUserAsync();

        var response = await user.Session.PostAsync("/api/monitor/add", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(body.Errors!.ContainsKey(field), $"errors should name {field}: {string.Join(", ", body.Errors.Keys)}");
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("\"text\"", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task MalformedBodiesAre400(string json, HttpStatusCode status, string code)
    {
        var user = await fixture.NewUserAsync();

        var response = await user.Session.PostAsync("/api/monitor/add", new StringContent(json, Encoding.UTF8, "application/json"));

        await ApiAssert.ErrorAsync(response, status, code);
    }

    [Fact]
    public async Task HugeBodyIs413()
    {
        var user = await fixture.NewUserAsync();
        var json = "{\"name\":\"" + new string('x', 200_000) + "\"}";

        var response = await user.Session.PostAsync("/api/monitor/add", new StringContent(json, Encoding.UTF8, "application/json"));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task UnknownFieldsAreIgnored()
    {
        var user = await fixture.NewUserAsync();
        var response = await user.Session.PostAsync("/api/monitor/add", new StringContent(
            """{"name":"Extra","url":"http://127.0.0.1:9/","type":"http","interval":30,"retryInterval":30,"requestTimeout":30,"email":"x@y.z","surprise":{"deep":[1]}}""",
            Encoding.UTF8,
            "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EditChangesTheMonitorAndKeepsItsId()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(HttpMonitor("http://127.0.0.1:9/"));

        var response = await user.Session.PostAsJsonAsync("/api/monitor/edit", new
        {
            monitorId = id,
            name = "Renamed",
            url = "https://127.0.0.1:9/status",
            type = "http",
            method = "POST",
            valid_status_codes = new[] { "200", "300-399" },
            interval = 45,
            retryInterval = 25,
            requestTimeout = 10,
            headers = new Dictionary<string, string> { ["X-Probe"] = "yes" },
            body = new { ping = true },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var monitor = await user.MonitorAsync(id);
        Assert.Equal(id.ToString(), monitor.MonitorId);
        Assert.Equal("Renamed", monitor.Name);
        Assert.Equal("POST", monitor.Method);
        Assert.Equal(45, monitor.Interval);
        Assert.Equal(25, monitor.RetryInterval);
        Assert.Equal(["200", "300-399"], monitor.ValidStatusCodes!);
        Assert.Equal("yes", monitor.Headers!["X-Probe"]);
        Assert.True(monitor.Body!.Value.GetProperty("ping").GetBoolean()); // the body is the caller's own JSON
    }

    [Fact]
    public async Task InvalidEditIs422AndLeavesTheMonitorUnchanged()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(HttpMonitor("http://127.0.0.1:9/"));

        var response = await user.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = id, name = "x", interval = 5 });

        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(body.Errors!.ContainsKey("name"));
        Assert.True(body.Errors.ContainsKey("interval"));
        var monitor = await user.MonitorAsync(id);
        Assert.Equal("Lunalytics", monitor.Name);
        Assert.Equal(20, monitor.Interval);
    }

    [Fact]
    public async Task EditKeepsTheSyntheticAssertionsLunalyticsDoesNotSpeakAbout()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(HttpMonitor("http://127.0.0.1:9/"));
        var saved = await user.Session.PutAsJsonAsync($"/api/devices/{id}/synthetic", new
        {
            assertions = new object[] { new { type = "body_contains", value = "ok" }, new { type = "header_equals", target = "X-Ok", value = "yes" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var edited = await user.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = id, name = "Renamed", interval = 30 });

        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var device = await user.DeviceAsync(await user.DefaultProjectAsync(), id.ToString());
        Assert.Equal("Renamed", device.Name);
        Assert.Equal(30, device.Interval);
        var assertions = device.Assertions!;
        Assert.Equal(["body_contains", "header_equals"], assertions.Select(a => a.Type));
        Assert.Equal("X-Ok", assertions[1].Target);
        Assert.Equal("yes", assertions[1].Value);
    }

    [Fact]
    public async Task EditOfDnsAndHeartbeatDevicesKeepsTheirSettings()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.DefaultProjectAsync();
        var dns = Guid.Parse((await user.CreateDeviceAsync(project, new
        {
            name = "Mail names",
            type = "dns",
            interval = 600,
            dns = new { recordType = "MX", name = "example.test", resolver = "127.0.0.1:9", expected = new[] { "mail.example.test" }, match = "all" },
        })).Id);
        var push = Guid.Parse((await user.CreateDeviceAsync(project, new { name = "Backup", type = "heartbeat", heartbeat = new { interval = 3600, grace = 300 } })).Id);
        var endpoint = (await user.HeartbeatConfigAsync(push.ToString())).Endpoint;

        foreach (var id in new[] { dns, push })
        {
            // A name-only edit, then the whole monitor object sent back as GET /api/monitor/id shows it (type included).
            var renamed = await user.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = id, name = "Renamed once" });
            Assert.True(renamed.StatusCode == HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
            // Sent back as JSON: every field GET shows, whatever this test's record knows of.
            var shown = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/monitor/id?monitorId={id}"))!;
            shown["name"] = "Renamed twice";
            var sentBack = await user.Session.PostAsJsonAsync("/api/monitor/edit", shown);
            Assert.True(sentBack.StatusCode == HttpStatusCode.OK, await sentBack.Content.ReadAsStringAsync());
        }

        var names = await user.DnsConfigAsync(dns.ToString());
        Assert.Equal("MX", names.RecordType);
        Assert.Equal("example.test", names.Name);
        Assert.Equal("127.0.0.1:9", names.Resolver);
        Assert.Equal(["mail.example.test"], names.Expected);
        Assert.Equal("all", names.Match);
        var beats = await user.HeartbeatConfigAsync(push.ToString());
        Assert.Equal(3600, beats.Interval);
        Assert.Equal(300, beats.Grace);
        Assert.Equal(endpoint, beats.Endpoint);
        Assert.Equal("Renamed twice", (await user.MonitorAsync(dns)).Name);
        Assert.Equal("Renamed twice", (await user.MonitorAsync(push)).Name);
    }

    [Fact]
    public async Task EditWithoutMonitorIdIs400AndUnknownIs404()
    {
        var user = await fixture.NewUserAsync();

        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/monitor/edit", new { name = "Nothing" }), HttpStatusCode.BadRequest, "missing_monitor_id");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = Guid.NewGuid(), name = "Nothing" }), HttpStatusCode.NotFound, "monitor_not_found");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = "not-a-uuid" }), HttpStatusCode.NotFound, "monitor_not_found");
    }

    [Fact]
    public async Task DeleteRemovesTheMonitorAndItsHeartbeats()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var id = await user.AddMonitorAsync(HttpMonitor(target.Url));
        await Eventually.HoldsAsync(() => user.MonitorAsync(id), m => m.Heartbeats.Count >= 1, "a heartbeat");

        var response = await user.Session.GetAsync($"/api/monitor/delete?monitorId={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/monitor/id?monitorId={id}"), HttpStatusCode.NotFound, "monitor_not_found");
        await fixture.Monitoring.SiloService<HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", id));
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/monitor/delete?monitorId={id}"), HttpStatusCode.NotFound, "monitor_not_found");
    }

    [Theory]
    [InlineData("/api/monitor/delete")]
    [InlineData("/api/monitor/status")]
    [InlineData("/api/monitor/id")]
    [InlineData("/api/monitor/id?monitorId=")]
    public async Task MissingMonitorIdIs400(string route)
    {
        var user = await fixture.NewUserAsync();

        await ApiAssert.ErrorAsync(await user.Session.GetAsync(route), HttpStatusCode.BadRequest, "missing_monitor_id");
    }

    [Theory]
    [InlineData("/api/monitor/delete?monitorId={0}")]
    [InlineData("/api/monitor/status?monitorId={0}")]
    [InlineData("/api/monitor/id?monitorId={0}")]
    [InlineData("/api/monitor/id?monitorId=garbage")]
    public async Task UnknownMonitorIs404(string route)
    {
        var user = await fixture.NewUserAsync();

        await ApiAssert.ErrorAsync(await user.Session.GetAsync(string.Format(route, Guid.NewGuid())), HttpStatusCode.NotFound, "monitor_not_found");
    }

    [Fact]
    public async Task AnotherWorkspaceGets404NeverTheData()
    {
        var owner = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var id = await owner.AddMonitorAsync(HttpMonitor("http://127.0.0.1:9/"));

        foreach (var route in new[] { $"/api/monitor/id?monitorId={id}", $"/api/monitor/status?monitorId={id}&status=day", $"/api/monitor/delete?monitorId={id}" })
        {
            var response = await stranger.Session.GetAsync(route);
            await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "monitor_not_found");
            Assert.DoesNotContain("Lunalytics", await response.Content.ReadAsStringAsync()); // nothing of the monitor, in any field
        }

        await ApiAssert.ErrorAsync(await stranger.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = id, name = "Stolen" }), HttpStatusCode.NotFound, "monitor_not_found");
        Assert.Equal("Lunalytics", (await owner.MonitorAsync(id)).Name);
    }

    [Fact]
    public async Task StatusRejectsAnUnknownType()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(HttpMonitor("http://127.0.0.1:9/"));

        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/monitor/status?monitorId={id}&status=year"), HttpStatusCode.BadRequest, "invalid_status_type");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/monitor/status?monitorId={id}&type=hour"), HttpStatusCode.BadRequest, "invalid_status_type");
    }

    [Fact]
    public async Task StatusLatestAndDayReturnHeartbeatsNewestFirst()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var id = await user.AddMonitorAsync(HttpMonitor(target.Url));
        await Eventually.HoldsAsync(() => user.MonitorAsync(id), m => m.Heartbeats.Count >= 3, "three heartbeats");
        await fixture.Monitoring.SiloService<HeartbeatWriter>().FlushAsync(TimeSpan.FromSeconds(10));

        var latest = await user.StatusAsync(id);
        var latestByType = await user.StatusAsync(id, "type=latest");
        var day = await user.StatusAsync(id, "status=day");

        Assert.Single(latest);
        Assert.Single(latestByType);
        Assert.True(day.Count >= 3);
        var dates = day.Select(h => h.Date).ToArray();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.True(latest[0].Date >= dates[0]);
    }

    [Fact]
    public async Task WeekAndMonthReturnTheHeartbeatClosestToEveryFifthMinute()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(new { name = "Quiet", url = "127.0.0.1", type = "tcp", port = 9, interval = 600, retryInterval = 600, requestTimeout = 5 });
        // Known history: around the mark M (a multiple of 300 s) rows at M-100 s, M-20 s, M+40 s and M+140 s; the
        // next mark M+300 s gets rows at M+170 s and M+290 s. Closest: M-20 s for M, M+290 s for M+300 s.
        var mark = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeSeconds() / 300) * 300);
        var offsets = new[] { -100, -20, 40, 140, 170, 290 };
        for (var i = 0; i < offsets.Length; i++)
        {
            await fixture.Monitoring.Database.ExecuteAsync(
                "INSERT INTO om_heartbeats (monitor_id, id, checked_at, status, latency_ms, is_down, message) VALUES ($1, $2, $3, '200', $4, false, '200 - OK')",
                id, (long)(i + 1), mark.AddSeconds(offsets[i]).UtcDateTime, 10 + i);
        }

        // And one 40 days old: outside the month.
        await fixture.Monitoring.Database.ExecuteAsync(
            "INSERT INTO om_heartbeats (monitor_id, id, checked_at, status, latency_ms, is_down, message) VALUES ($1, 99, $2, '200', 1, false, '200 - OK')",
            id, DateTime.UtcNow.AddDays(-40));

        foreach (var span in new[] { "week", "month" })
        {
            var beats = (await user.StatusAsync(id, $"status={span}")).Where(h => h.Id <= 99).ToArray();
            Assert.Equal([6L, 2L], beats.Select(h => h.Id));
        }
    }
}
