using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Dashmon;

namespace OrleansMonitor.Tests.Workspaces;

/// <summary>A project deletion that fails on some of its devices resumes until every one of them is gone.</summary>
[Collection(FaultCollection.Name)]
public sealed class ProjectDeletionTests(FaultClusterFixture fixture)
{
    [Fact]
    public async Task DevicesWhoseDeletionFailsAreDeletedOnceTheFaultIsGone()
    {
        var user = await fixture.NewUserAsync();
        var created = await user.Session.PostAsJsonAsync("/api/projects", new { name = "Doomed" });
        var project = (await created.ReadJsonAsync<DashmonProjectBody>()).Project.Id;
        var devices = new Dictionary<string, Guid>();
        foreach (var name in new[] { "Doomed plain", "Doomed index", "Doomed tombstone" })
        {
            var device = await user.Session.PostAsJsonAsync($"/api/projects/{project}/devices", new { name, type = "tcp", host = "127.0.0.1", port = 9, interval = 20 });
            Assert.Equal(HttpStatusCode.Created, device.StatusCode);
            devices[name] = Guid.Parse((await device.ReadJsonAsync<DashmonDeviceBody>()).Device.Id);
        }

        HttpResponseMessage deleted;
        // One device's index row cannot be removed; another's tombstone cannot be written.
        await using (await fixture.RefuseAsync("om_monitors", "DELETE", $"OLD.monitor_id = '{devices["Doomed index"]}'"))
        await using (await fixture.RefuseAsync("orleans_storage", "UPDATE", """convert_from(NEW.payload_binary, 'UTF8') LIKE '%Doomed tombstone%' AND convert_from(NEW.payload_binary, 'UTF8') LIKE '%"Lifecycle":2%'"""))
        {
            deleted = await user.Session.DeleteAsync($"/api/projects/{project}");
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
            var projects = await user.Session.GetStringAsync("/api/projects");
            Assert.DoesNotContain("Doomed", projects, StringComparison.Ordinal); // in no field of any project
            Assert.Equal(0, await IndexedAsync(devices["Doomed plain"]));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(1, await IndexedAsync(devices["Doomed index"]));
            Assert.Equal(1, await IndexedAsync(devices["Doomed tombstone"]));
        }

        foreach (var (name, id) in devices)
        {
            await Eventually.HoldsAsync(() => IndexedAsync(id), n => n == 0, $"device '{name}' to be deleted once the fault is gone", TimeSpan.FromSeconds(30));
        }

        await Eventually.HoldsAsync(
            () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE payload_binary IS NOT NULL AND convert_from(payload_binary, 'UTF8') LIKE '%Doomed%'"),
            n => n == 0,
            "no state of the project's devices to be left");
    }

    private Task<long> IndexedAsync(Guid id) => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE monitor_id = $1", id);
}
