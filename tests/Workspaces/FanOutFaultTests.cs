using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Workspaces;

/// <summary>
/// A fan-out meeting a device whose state cannot be written still reaches every other device and holds nothing up; the
/// failing device keeps the window with its write owed, and a retry stores it.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FanOutFaultTests(FaultClusterFixture fixture)
{
    [Fact]
    public async Task BulkMaintenanceReachesEveryDeviceWhenOneStateWriteFailsAndGoesThroughOnceTheFaultIsGone()
    {
        var user = await fixture.NewUserAsync();
        var created = await user.Session.PostAsJsonAsync("/api/projects", new { name = "Fan-out" });
        var project = (await created.ReadJsonAsync<DashmonProjectBody>()).Project.Id;
        var stuckName = $"Fan-out stuck {Guid.NewGuid():N}";
        async Task<string> DeviceAsync(string name)
        {
            var device = await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name, type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
            Assert.Equal(HttpStatusCode.Created, device.StatusCode);
            return (await device.ReadJsonAsync<DashmonDeviceBody>()).Device.Id;
        }

        async Task<DashmonMaintenance?> MaintenanceAsync(string id) =>
            (await (await user.Session.GetAsync($"/api/projects/{project}/devices/{id}")).ReadJsonAsync<DashmonDeviceBody>()).Device.Maintenance;

        var steady = await DeviceAsync("Fan-out steady");
        var stuck = await DeviceAsync(stuckName);
        var end = DateTimeOffset.UtcNow.AddHours(2).ToString("O");

        await using (await fixture.RefuseAsync("orleans_storage", "UPDATE", $"convert_from(NEW.payload_binary, 'UTF8') LIKE '%{stuckName}%'"))
        {
            var refused = await user.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-set", new { deviceIds = new[] { stuck, steady }, end, reason = "fan-out" });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("fan-out", (await MaintenanceAsync(steady))?.Reason); // asked although the device before it failed
            Assert.Equal("fan-out", (await MaintenanceAsync(stuck))?.Reason); // in effect, its write owed (the request said 503)
            Assert.Equal(HttpStatusCode.OK, (await user.Session.GetAsync("/api/projects")).StatusCode); // the workspace is not held up
        }

        var retried = await user.Session.PostAsJsonAsync("/api/maintenance/devices/bulk-set", new { deviceIds = new[] { stuck, steady }, end, reason = "fan-out" });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("fan-out", (await MaintenanceAsync(stuck))?.Reason);
        Assert.Equal("fan-out", (await MaintenanceAsync(steady))?.Reason);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_storage WHERE payload_binary IS NOT NULL AND convert_from(payload_binary, 'UTF8') LIKE '%{stuckName}%' AND convert_from(payload_binary, 'UTF8') LIKE '%fan-out%'"));
    }
}
