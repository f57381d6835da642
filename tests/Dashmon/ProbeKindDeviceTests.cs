using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Ping devices and HTTP devices with synthetic assertions, end to end through the Dashmon API.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ProbeKindDeviceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PingDeviceAnswersFromLoopback()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Network");
        var id = (await user.CreateDeviceAsync(project, new { name = "Loopback", type = "ping", host = "127.0.0.1", interval = 20, timeout = 5 })).Id;

        var device = await user.UntilDeviceAsync(project, id, d => d.LastCheck is not null, "an ICMP echo");

        Assert.Equal("up", device.Status);
        Assert.StartsWith("Reply from 127.0.0.1", device.LastMessage);
        var invalid = await ApiAssert.ErrorAsync(
            await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name = "Nowhere", type = "ping", host = "not a host!" }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        Assert.True(invalid.Errors!.ContainsKey("url"));
    }

    [Fact]
    public async Task FailedAssertionsAreNamedInTheHeartbeatAndTakeTheDeviceDown()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Synthetic");
        var id = (await user.CreateDeviceAsync(project, new { name = "Checked page", type = "http", url = target.Url, interval = 20 })).Id;

        var passing = await user.Session.PutAsJsonAsync($"/api/devices/{id}/synthetic", new
        {
            assertions = new object[]
            {
                new { type = "status_code_in", value = "200-299" },
                new { type = "body_contains", value = "ok" },
                new { type = "response_time_below", value = 5000 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, passing.StatusCode);
        var saved = (await passing.ReadJsonAsync<DashmonDeviceBody>()).Device.Assertions!;
        Assert.Equal(3, saved.Count);
        Assert.Equal("body_contains", saved[1].Type);
        await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the assertions to pass");

        var failing = await user.Session.PutAsJsonAsync($"/api/devices/{id}/synthetic", new
        {
            assertions = new object[] { new { type = "body_contains", value = "healthy" }, new { type = "body_not_contains", value = "ok" } },
        });
        Assert.Equal(HttpStatusCode.OK, failing.StatusCode);
        var down = await user.UntilDeviceAsync(project, id, d => d.Status == "down", "the failed assertions to take the device down");
        var message = down.LastMessage!;
        Assert.Contains("body does not contain \"healthy\"", message);
        Assert.Contains("body contains \"ok\"", message);
    }

    [Fact]
    public async Task JsonPathAssertionsNameTheirPathPathAndTakeTargetAsAnAlias()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        target.ContentType = "application/json";
        target.Body = """{"status":"ok","items":[7]}""";
        var project = await user.CreateProjectAsync("Synthetic");
        var id = (await user.CreateDeviceAsync(project, new { name = "Status API", type = "http", url = target.Url, interval = 20 })).Id;

        var saved = await user.Session.PutAsJsonAsync($"/api/devices/{id}/synthetic", new
        {
            assertions = new object[]
            {
                new { type = "json_path_equals", path = "$.status", value = "ok" },
                new { type = "json_path_exists", target = "$.items[0]" },
                new { type = "header_equals", target = "Content-Type", value = "application/json" },
            },
        });

        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var assertions = (await saved.ReadJsonAsync<DashmonDeviceBody>()).Device.Assertions!;
        Assert.Equal("$.status", assertions[0].Path);
        Assert.Equal("$.items[0]", assertions[1].Path);
        Assert.Equal("Content-Type", assertions[2].Target);

        // Which of path and target is written at all is the shape itself: read as JSON.
        var written = JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["device"]!["assertions"]!.AsArray();
        Assert.False(written[0]!.AsObject().ContainsKey("target"));
        Assert.False(written[1]!.AsObject().ContainsKey("target"));
        Assert.False(written[2]!.AsObject().ContainsKey("path"));
        await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the JSON assertions to pass");

        var conflicting = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync($"/api/devices/{id}/synthetic", new { assertions = new[] { new { type = "json_path_exists", path = "$.status", target = "$.items" } } }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        Assert.True(conflicting.Errors!.ContainsKey("assertions[0]"));
    }

    [Fact]
    public async Task InvalidAssertionsAre422AndOnlyHttpDevicesTakeThem()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Synthetic");
        var http = (await user.CreateDeviceAsync(project, new { name = "Page", type = "http", url = "http://127.0.0.1:9/", interval = 600 })).Id;
        var tcp = (await user.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;

        var unknown = await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{http}/synthetic", new { assertions = new[] { new { type = "telepathy", value = "x" } } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var badValue = await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{http}/synthetic", new { assertions = new[] { new { type = "tls_valid_days", value = "soon" } } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{http}/synthetic", new { assertions = "all of them" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/devices/{tcp}/synthetic", new { assertions = Array.Empty<object>() }), HttpStatusCode.Conflict, "wrong_device_type");

        Assert.True(unknown.Errors!.ContainsKey("assertions[0]"));
        Assert.True(badValue.Errors!.ContainsKey("assertions[0]"));
        Assert.Null((await user.DeviceAsync(project, http)).Assertions);
    }
}
