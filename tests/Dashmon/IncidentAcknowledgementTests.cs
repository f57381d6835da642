using System.Net;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>
/// The first acknowledgement of an open incident is kept and reported to every later one; a resolved incident has
/// nothing left to acknowledge; another workspace, or a member scoped to other projects, cannot see the incident.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentAcknowledgementTests(ClusterFixture fixture)
{
    private async Task<long> OpenIncidentAsync(Guid deviceId, Guid workspaceId, bool resolved = false) =>
        await fixture.Monitoring.Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause, resolved_at, opening_alerts_planned, resolution_alerts_planned) " +
            "VALUES ($1, $2, now() - interval '5 minutes', 'Connection refused', CASE WHEN $3 THEN now() END, true, true) RETURNING id",
            deviceId, workspaceId, resolved);

    [Fact]
    public async Task TheFirstAcknowledgementIsKeptAndRepeatsReportIt()
    {
        var owner = await fixture.NewUserAsync();
        var editor = await fixture.NewUserAsync();
        var project = await owner.CreateProjectAsync("Acknowledged");
        var device = await owner.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        await editor.JoinAsync(owner, "editor");
        var incident = await OpenIncidentAsync(Guid.Parse(device.Id), owner.UserId);

        var first = await (await owner.Session.PostAsync($"/api/incidents/{incident}/acknowledge", null)).ReadJsonAsync<DashmonAcknowledgement>();
        Assert.False(first.AlreadyAcknowledged);
        Assert.Equal(owner.UserId.ToString(), first.AcknowledgedBy);
        Assert.Equal(incident, first.IncidentId);

        var repeat = await (await editor.Session.PostAsync($"/api/incidents/{incident}/acknowledge", null)).ReadJsonAsync<DashmonAcknowledgement>();
        Assert.True(repeat.AlreadyAcknowledged);
        Assert.Equal(owner.UserId.ToString(), repeat.AcknowledgedBy);
        Assert.Equal(
            DateTimeOffset.Parse(first.AcknowledgedAt, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(repeat.AcknowledgedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE id = $1 AND acknowledged_by = $2", incident, owner.UserId));
    }

    [Fact]
    public async Task ResolvedForeignAndOutOfScopeIncidentsAreRefused()
    {
        var owner = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var scoped = await fixture.NewUserAsync();
        var project = await owner.CreateProjectAsync("Guarded");
        var elsewhere = await owner.CreateProjectAsync("Elsewhere");
        var device = await owner.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        await scoped.JoinAsync(owner, "editor", [elsewhere]);
        var open = await OpenIncidentAsync(Guid.Parse(device.Id), owner.UserId);

        await ApiAssert.ErrorAsync(await stranger.Session.PostAsync($"/api/incidents/{open}/acknowledge", null), HttpStatusCode.NotFound, "incident_not_found");
        await ApiAssert.ErrorAsync(await scoped.Session.PostAsync($"/api/incidents/{open}/acknowledge", null), HttpStatusCode.NotFound, "incident_not_found");
        await ApiAssert.ErrorAsync(await owner.Session.PostAsync("/api/incidents/not-a-number/acknowledge", null), HttpStatusCode.NotFound, "incident_not_found");
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_incidents WHERE id = $1 AND acknowledged_at IS NOT NULL", open));

        var resolved = await OpenIncidentAsync(Guid.Parse(device.Id), owner.UserId, resolved: true);
        await ApiAssert.ErrorAsync(await owner.Session.PostAsync($"/api/incidents/{resolved}/acknowledge", null), HttpStatusCode.Conflict, "incident_resolved");
    }
}
