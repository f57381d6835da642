using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Lunalytics;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Health, capabilities, identity, request ids and projects of the Dashmon API.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DashmonBasicsTests(ClusterFixture fixture)
{
    private HttpClient Anonymous() => fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task CapabilitiesArePublicAndNameTheApiVersion()
    {
        var response = await Anonymous().GetAsync("/api/meta/capabilities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync<DashmonCapabilities>();
        Assert.Equal("2026-04-05", body.ApiVersion);
        Assert.Equal("X-Request-Id", body.Tracing.RequestIdHeader);
        Assert.Contains("bearer_token", body.AuthModes);
    }

    [Fact]
    public async Task ValidIncomingRequestIdIsEchoedInHeaderAndErrorBody()
    {
        var client = Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("X-Request-Id", "support-ticket-42");

        var response = await client.SendAsync(request);

        Assert.Equal("support-ticket-42", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("support-ticket-42", body.RequestId);
    }

    [Fact]
    public async Task InvalidIncomingRequestIdIsReplacedByAGeneratedOne()
    {
        var client = Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "bad id with spaces <script>");

        var response = await client.SendAsync(request);

        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task MeDescribesTheCallerAndWorkspace()
    {
        var user = await fixture.NewUserAsync();

        var me = await user.Session.GetJsonAsync<DashmonMe>("/api/me");

        Assert.Equal(user.Email, me.User.Email);
        Assert.Equal(user.UserId.ToString(), me.Workspace.OwnerUserId);
        Assert.False(me.WriteLocked);
        Assert.Equal("premium", me.Plan);
    }

    [Fact]
    public async Task ProjectsCanBeCreatedRenamedAndListedWithTheDefaultProject()
    {
        var user = await fixture.NewUserAsync();

        var id = await user.CreateProjectAsync("Payments");
        var renamed = await user.Session.PutAsJsonAsync($"/api/projects/{id}", new { name = "Payments EU" });
        var list = await user.ProjectsAsync();

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(2, list.Count);
        Assert.Contains(list, p => p.IsDefault && p.Name == "Default");
        var payments = list.Single(p => p.Id == id.ToString());
        Assert.Equal("Payments EU", payments.Name);
        Assert.Equal("made by a test", payments.Description);
        Assert.Empty(payments.Devices);
    }

    [Fact]
    public async Task ProjectErrorsAre404And422()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var id = await user.CreateProjectAsync("Mine");

        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/projects", new { name = "" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/projects", new { name = 5 }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync($"/api/projects/{Guid.NewGuid()}", new { name = "x" }), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PutAsJsonAsync($"/api/projects/{id}", new { name = "Stolen" }), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.DeleteAsync($"/api/projects/{id}"), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await user.Session.DeleteAsync("/api/projects/not-a-uuid"), HttpStatusCode.NotFound, "project_not_found");
        Assert.DoesNotContain("Mine", await stranger.Session.GetStringAsync("/api/projects"));
    }

    [Fact]
    public async Task DeletingAProjectRemovesItsDevicesSchedulesAndData()
    {
        var user = await fixture.NewUserAsync();
        await using var target = LocalHttpTarget.Start();
        var project = await user.CreateProjectAsync("Doomed");
        var device = await user.CreateDeviceAsync(project, new { name = "Site", type = "http", url = target.Url, interval = 20 });
        var deviceId = device.Id;
        await user.UntilDeviceAsync(project, deviceId, d => d.Status == "up", "the device to be up");

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/projects/{project}")).StatusCode);

        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/projects/{project}/devices/{deviceId}"), HttpStatusCode.NotFound, "device_not_found");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/monitor/id?monitorId={deviceId}"), HttpStatusCode.NotFound, "monitor_not_found");
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1", Guid.Parse(deviceId)));
        var requests = target.Requests;
        await Task.Delay(2500);
        Assert.InRange(target.Requests, requests, requests + 1);
    }

    [Fact]
    public async Task LunalyticsMonitorIsADeviceOfTheDefaultProjectAndTheReverse()
    {
        var user = await fixture.NewUserAsync();
        var monitorId = await user.AddMonitorAsync(new { name = "Via Lunalytics", url = "http://127.0.0.1:9/", type = "http", interval = 30, retryInterval = 30, requestTimeout = 5 });
        var defaultProject = await user.DefaultProjectAsync();
        var project = await user.CreateProjectAsync("Dashmon side");

        var device = await user.DeviceAsync(defaultProject, monitorId.ToString());
        var created = await user.CreateDeviceAsync(project, new { name = "Via Dashmon", type = "tcp", host = "127.0.0.1", port = 9, interval = 30 });
        var asMonitor = await user.MonitorAsync(Guid.Parse(created.Id));
        var listed = (await user.ProjectsAsync()).Single(p => p.Id == defaultProject.ToString()).Devices;

        Assert.Equal("Via Lunalytics", device.Name);
        Assert.Equal("Via Dashmon", asMonitor.Name);
        Assert.Equal("tcp", asMonitor.Type);
        Assert.Contains(listed, d => d.Id == monitorId.ToString() && d.Type == "http");
    }
}
