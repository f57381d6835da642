using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.Auth;

/// <summary>
/// Every /api route with what it needs and what a permitted call answers, and a world to call them in: one owner's
/// workspace with a project and devices of each kind, and a client for every kind of caller. The authorization matrix
/// and the hostile-input tests both walk this list, so a new route added here is covered by both.
/// </summary>
public static class RouteCatalog
{
    public enum Caller { Anonymous, Viewer, Editor, Admin, Owner, Scoped, ReadOnlyToken, ReadWriteToken, ExpiredToken, FreeWorkspaceToken, Outsider }

    /// <summary>What a route needs: nothing (Public), Read, Write, Manage (admin), Session (any session), SessionManage (admin session).</summary>
    public enum Need { Public, Read, Write, Manage, Session, SessionManage }

    /// <param name="OwnerResource">The route names a project or device of the owner's workspace (others get 404).</param>
    /// <param name="Creates">Scoped members may not create here (403 forbidden_scope).</param>
    public sealed record Route(string Method, string Path, Need Need, int Ok, bool OwnerResource = false, object? Body = null, bool Creates = false);

    public sealed class World
    {
        public required ApiUser Owner { get; init; }
        public required Dictionary<Caller, HttpClient> Clients { get; init; }
        public required Guid Project { get; init; }
        public required string Device { get; init; }
        public required string HttpDevice { get; init; }
        public required string DnsDevice { get; init; }
        public required string PushDevice { get; init; }
        public required string StatusPage { get; init; }
        public required string StatusPageSlug { get; init; }
    }

    public static async Task<World> BuildAsync(ClusterFixture fixture)
    {
        var owner = await fixture.NewUserAsync();
        var project = await DashmonClient.CreateProjectAsync(owner, "Matrix");
        var other = await DashmonClient.CreateProjectAsync(owner, "Scoped elsewhere");
        string Id(DashmonDevice device) => device.Id;
        var device = Id(await DashmonClient.CreateDeviceAsync(owner, project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 }));
        var http = Id(await DashmonClient.CreateDeviceAsync(owner, project, new { name = "Page", type = "http", url = "http://127.0.0.1:9/", interval = 600 }));
        var dns = Id(await DashmonClient.CreateDeviceAsync(owner, project, new { name = "Names", type = "dns", interval = 600, dns = new { recordType = "A", name = "example.test", resolver = "127.0.0.1:9" }, timeout = 5 }));
        var push = Id(await DashmonClient.CreateDeviceAsync(owner, project, new { name = "Cron", type = "heartbeat", heartbeat = new { interval = 3600, grace = 60 } }));
        var statusPage = (await StatusPages.StatusPageClient.CreateStatusPageAsync(owner, new { title = "Matrix page", slug = StatusPages.StatusPageClient.NewSlug("matrix"), projectIds = new[] { project }, visibility = "private" })).StatusPage;

        var viewer = await fixture.NewUserAsync();
        var editor = await fixture.NewUserAsync();
        var admin = await fixture.NewUserAsync();
        var scoped = await fixture.NewUserAsync();
        var outsider = await fixture.NewUserAsync();
        var free = await fixture.NewUserAsync();
        await viewer.JoinAsync(owner, "viewer");
        await editor.JoinAsync(owner, "editor");
        await admin.JoinAsync(owner, "admin");
        await scoped.JoinAsync(owner, "editor", [other]);

        var expired = await owner.CreateTokenAsync(expiresInDays: 1);
        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_api_tokens SET expires_at = now() - interval '1 minute' WHERE secret_hash = sha256(convert_to($1, 'UTF8'))", expired);
        var freeToken = await free.CreateTokenAsync();
        await fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(free.UserId).SetPlanAsync("free");

        return new World
        {
            Owner = owner,
            Project = project,
            Device = device,
            HttpDevice = http,
            DnsDevice = dns,
            PushDevice = push,
            StatusPage = statusPage.Id,
            StatusPageSlug = statusPage.Slug,
            Clients = new Dictionary<Caller, HttpClient>
            {
                [Caller.Anonymous] = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }),
                [Caller.Viewer] = viewer.Session,
                [Caller.Editor] = editor.Session,
                [Caller.Admin] = admin.Session,
                [Caller.Owner] = owner.Session,
                [Caller.Scoped] = scoped.Session,
                [Caller.ReadOnlyToken] = owner.WithAuthorization("Bearer " + await owner.CreateTokenAsync("read_only")),
                [Caller.ReadWriteToken] = owner.WithAuthorization(await owner.CreateTokenAsync("read_write")),
                [Caller.ExpiredToken] = owner.WithAuthorization("Bearer " + expired),
                [Caller.FreeWorkspaceToken] = free.WithAuthorization("Bearer " + freeToken),
                [Caller.Outsider] = outsider.Session,
            },
        };
    }

    public static IReadOnlyList<Route> Routes(World w)
    {
        var p = w.Project;
        var d = w.Device;
        var end = DateTimeOffset.UtcNow.AddHours(1);
        return
        [
            new("GET", "/api/health", Need.Public, 200),
            new("GET", "/health/live", Need.Public, 200),
            new("GET", "/api/meta/capabilities", Need.Public, 200),
            new("POST", "/api/auth/register", Need.Public, 422, Body: new { email = "not-an-email", password = "short", name = "" }),
            new("POST", "/api/auth/login", Need.Public, 400, Body: new { email = 5 }),
            new("POST", "/api/incoming/heartbeat/not-a-token", Need.Public, 404),
            new("GET", "/api/me", Need.Read, 200),
            new("GET", "/api/projects", Need.Read, 200),
            new("GET", $"/api/projects/{p}/devices/{d}", Need.Read, 200, OwnerResource: true),
            new("GET", $"/api/devices/{d}/history", Need.Read, 200, OwnerResource: true),
            new("GET", "/api/tags", Need.Read, 200),
            new("GET", $"/api/monitor/id?monitorId={d}", Need.Read, 200, OwnerResource: true),
            new("GET", $"/api/monitor/status?monitorId={d}", Need.Read, 200, OwnerResource: true),
            new("GET", $"/api/devices/{d}/analytics", Need.Read, 200, OwnerResource: true),
            new("GET", $"/api/devices/{d}/latency/percentiles", Need.Read, 200, OwnerResource: true),
            new("GET", "/api/reports/uptime", Need.Read, 200),
            new("GET", "/api/incidents", Need.Read, 200),
            new("GET", $"/api/devices/{w.DnsDevice}/dns-config", Need.Read, 200, OwnerResource: true),
            new("GET", $"/api/devices/{w.PushDevice}/heartbeat-config", Need.Read, 200, OwnerResource: true),
            new("GET", "/api/user/preferences", Need.Read, 200),
            new("GET", "/api/support/summary", Need.Read, 200),
            new("POST", "/api/projects", Need.Write, 201, Body: new { name = "Made in the matrix" }, Creates: true),
            new("PUT", $"/api/projects/{p}", Need.Write, 200, OwnerResource: true, Body: new { name = "Matrix" }),
            new("DELETE", "/api/projects/{fresh-project}", Need.Write, 200, OwnerResource: true),
            new("POST", $"/api/projects/{p}/devices", Need.Write, 201, OwnerResource: true, Body: new { name = "Added", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 }),
            new("PUT", $"/api/devices/{d}", Need.Write, 200, OwnerResource: true, Body: new { name = "Port" }),
            new("DELETE", "/api/devices/{fresh-device}", Need.Write, 200, OwnerResource: true),
            new("POST", $"/api/devices/{d}/test-now", Need.Write, 202, OwnerResource: true),
            new("POST", "/api/devices/refresh-all", Need.Write, 202),
            new("PUT", $"/api/devices/{d}/tags", Need.Write, 200, OwnerResource: true, Body: new { tags = new[] { "matrix" } }),
            new("POST", "/api/devices/tags/bulk", Need.Write, 200, OwnerResource: true, Body: new { action = "add", deviceIds = new[] { d }, tags = new[] { "bulk" } }),
            new("PUT", $"/api/devices/{w.HttpDevice}/synthetic", Need.Write, 200, OwnerResource: true, Body: new { assertions = new[] { new { type = "body_contains", value = "ok" } } }),
            new("PUT", $"/api/devices/{w.DnsDevice}/dns-config", Need.Write, 200, OwnerResource: true, Body: new { recordType = "A", name = "example.test", resolver = "127.0.0.1:9" }),
            new("PUT", $"/api/devices/{w.PushDevice}/heartbeat-config", Need.Write, 200, OwnerResource: true, Body: new { grace = 120 }),
            new("POST", $"/api/maintenance/device/{d}", Need.Write, 200, OwnerResource: true, Body: new { end }),
            new("DELETE", $"/api/maintenance/device/{d}", Need.Write, 200, OwnerResource: true),
            new("POST", $"/api/maintenance/project/{p}", Need.Write, 200, OwnerResource: true, Body: new { end }),
            new("DELETE", $"/api/maintenance/project/{p}", Need.Write, 200, OwnerResource: true),
            new("POST", "/api/incidents/999999999/acknowledge", Need.Write, 404),
            new("GET", "/api/incidents/999999999/deliveries", Need.Read, 404),
            new("GET", $"/api/projects/{p}/alert-settings", Need.Read, 200, OwnerResource: true),
            new("PUT", $"/api/projects/{p}/alert-settings", Need.Manage, 200, OwnerResource: true, Body: new { escalation = new[] { new { channel = "email", destination = "ops@example.test" } } }),
            new("POST", $"/api/projects/{p}/alert-settings/test", Need.Manage, 202, OwnerResource: true),
            new("GET", "/api/alerts/email", Need.Read, 200),
            new("PUT", "/api/alerts/email", Need.Manage, 200, Body: new { enabled = true, recipients = new[] { "ops@example.test" } }),
            new("GET", "/api/alerts/sms", Need.Read, 200),
            new("PUT", "/api/alerts/sms", Need.Manage, 200, Body: new { enabled = false, recipients = new[] { "+15551234567" } }),
            new("POST", "/api/alerts/sms/test", Need.Manage, 202, Body: new { to = "+15551234567" }),
            new("GET", $"/api/alerts/deliveries/{Guid.NewGuid()}", Need.Read, 404),
            new("POST", "/api/maintenance/devices/bulk-set", Need.Write, 200, OwnerResource: true, Body: new { deviceIds = new[] { d }, end }),
            new("POST", "/api/maintenance/devices/bulk-clear", Need.Write, 200, OwnerResource: true, Body: new { deviceIds = new[] { d } }),
            new("POST", "/api/monitor/add", Need.Write, 200, Body: new { name = "Lunalytics add", url = "127.0.0.1", type = "tcp", port = 9, interval = 600, retryInterval = 600, requestTimeout = 5 }, Creates: true),
            new("POST", "/api/monitor/edit", Need.Write, 200, OwnerResource: true, Body: new { monitorId = d, name = "Port" }),
            new("GET", "/api/monitor/delete?monitorId={fresh-device}", Need.Write, 200, OwnerResource: true),
            new("GET", "/api/user/integration-posture", Need.Manage, 200),
            new("GET", "/api/user/api-tokens", Need.Session, 200),
            new("POST", "/api/user/api-tokens", Need.SessionManage, 201, Body: new { label = "matrix", accessLevel = "read_only" }),
            new("DELETE", $"/api/user/api-tokens/{Guid.NewGuid()}", Need.SessionManage, 404),
            new("GET", "/api/user/permission-foundation", Need.Session, 200),
            new("GET", "/api/user/team-invitations", Need.SessionManage, 200),
            new("POST", "/api/user/team-invitations", Need.SessionManage, 201, Body: new { email = "invitee@example.test", role = "viewer" }),
            new("POST", $"/api/user/team-invitations/{Guid.NewGuid()}/cancel", Need.SessionManage, 404),
            new("POST", "/api/user/team-invitations/accept", Need.Session, 404, Body: new { token = "omi_not_real" }),
            new("GET", "/api/user/sessions", Need.Session, 200),
            new("DELETE", $"/api/user/sessions/{Guid.NewGuid()}", Need.Session, 404),
            new("PUT", "/api/user/preferences/timezone", Need.Session, 200, Body: new { timezone = "UTC" }),
            new("GET", "/api/user/api-token", Need.Session, 200),
            new("POST", "/api/user/account-context", Need.Session, 200, OwnerResource: true, Body: new { ownerUserId = w.Owner.UserId }),
            new("POST", "/hooks/not-a-token", Need.Public, 404),
            new("GET", "/api/webhooks", Need.Read, 200),
            new("POST", "/api/webhooks", Need.Manage, 201, Body: new { name = "Made in the matrix", notificationTypes = new[] { "PUSH_NOTIF" } }),
            new("GET", $"/api/webhooks/{Guid.NewGuid()}", Need.Read, 404),
            new("GET", $"/api/webhooks/{Guid.NewGuid()}/deliveries", Need.Read, 404),
            new("DELETE", $"/api/webhooks/{Guid.NewGuid()}", Need.Manage, 404),
            new("POST", $"/api/webhooks/{Guid.NewGuid()}/test", Need.Manage, 404),
            new("GET", "/api/status-pages", Need.Read, 200),
            new("POST", "/api/status-pages", Need.Manage, 422, Body: new { title = "", slug = "no", visibility = "public" }),
            new("PUT", $"/api/status-pages/{w.StatusPage}", Need.Manage, 200, OwnerResource: true, Body: new { title = "Matrix page" }),
            new("POST", $"/api/status-pages/{w.StatusPage}/regenerate-token", Need.Manage, 200, OwnerResource: true),
            new("GET", $"/api/status-pages/{w.StatusPage}/updates", Need.Read, 200, OwnerResource: true),
            new("POST", $"/api/status-pages/{w.StatusPage}/updates", Need.Write, 201, OwnerResource: true, Body: new { state = "investigating", message = "Matrix update" }),
            new("GET", $"/api/public/status-pages/{w.StatusPageSlug}", Need.Public, 404),
            new("GET", "/api/notifications", Need.Read, 200),
            new("GET", "/api/notifications/unread-count", Need.Read, 200),
            new("POST", "/api/notifications/mark-all-read", Need.Read, 200),
            // Last: it ends the sessions it is called with.
            new("POST", "/api/auth/logout", Need.Read, 200),
        ];
    }

    /// <summary>A new project or device of the owner for a route that deletes one.</summary>
    public static async Task<string> FreshAsync(World world, string placeholder)
    {
        if (placeholder == "{fresh-project}")
        {
            return (await DashmonClient.CreateProjectAsync(world.Owner, "Fresh")).ToString();
        }

        var device = await DashmonClient.CreateDeviceAsync(world.Owner, world.Project, new { name = "Fresh device", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });
        return device.Id;
    }
}
