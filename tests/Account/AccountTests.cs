using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Account;

/// <summary>Preferences, sessions, token posture and the support summary.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TimeZoneAcceptsIanaNamesOnly()
    {
        var user = await fixture.NewUserAsync();
        Assert.Equal("UTC", (await user.Session.GetFromJsonAsync<JsonObject>("/api/user/preferences"))!["preferences"]!["timezone"]!.GetValue<string>());

        var set = await user.Session.PutAsJsonAsync("/api/user/preferences/timezone", new { timezone = "Europe/Paris" });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("Europe/Paris", (await user.Session.GetFromJsonAsync<JsonObject>("/api/user/preferences"))!["preferences"]!["timezone"]!.GetValue<string>());
        foreach (var bad in new[] { "Mars/Olympus_Mons", "+02:00", "", "../../etc/passwd" })
        {
            await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/user/preferences/timezone", new { timezone = bad }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        }

        Assert.Equal("Europe/Paris", (await user.Session.GetFromJsonAsync<JsonObject>("/api/user/preferences"))!["preferences"]!["timezone"]!.GetValue<string>());
    }

    [Fact]
    public async Task SessionsAreListedAndAnotherOneCanBeRevokedAtOnce()
    {
        var user = await fixture.NewUserAsync();
        var laptop = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await laptop.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/projects")).StatusCode);

        var sessions = (await user.Session.GetFromJsonAsync<JsonObject>("/api/user/sessions"))!["sessions"]!.AsArray();
        Assert.Equal(2, sessions.Count);
        var other = sessions.Single(s => !s!["current"]!.GetValue<bool>())!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/user/sessions/{other}")).StatusCode);

        await ApiAssert.ErrorAsync(await laptop.GetAsync("/api/projects"), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await user.Session.GetAsync("/api/projects")).StatusCode);
        await ApiAssert.ErrorAsync(await user.Session.DeleteAsync($"/api/user/sessions/{other}"), HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task PostureAndSupportSummaryDescribeTheWorkspace()
    {
        var user = await fixture.NewUserAsync();
        await user.CreateTokenAsync("read_only", expiresInDays: 3);
        await user.CreateTokenAsync("read_write");
        var project = await Dashmon.DashmonClient.CreateProjectAsync(user, "Summary");
        await Dashmon.DashmonClient.CreateDeviceAsync(user, project, new { name = "Pending one", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 });

        var posture = (await user.Session.GetFromJsonAsync<JsonObject>("/api/user/integration-posture"))!["tokens"]!;
        var summary = (await user.Session.GetFromJsonAsync<JsonObject>("/api/support/summary"))!;
        var legacy = (await user.Session.GetFromJsonAsync<JsonObject>("/api/user/api-token"))!;

        Assert.Equal(2, posture["total"]!.GetValue<int>());
        Assert.Equal(1, posture["readOnly"]!.GetValue<int>());
        Assert.Equal(1, posture["expiringWithin7Days"]!.GetValue<int>());
        Assert.Equal(2, posture["neverUsed"]!.GetValue<int>());
        Assert.Equal(1, summary["devices"]!["total"]!.GetValue<int>());
        Assert.Equal(1, summary["devices"]!["pending"]!.GetValue<int>());
        Assert.Equal(0, summary["openIncidents"]!.GetValue<int>());
        Assert.Equal("premium", summary["plan"]!["name"]!.GetValue<string>());
        Assert.Equal(2, summary["plan"]!["usage"]!["projects"]!.GetValue<int>());
        Assert.False(legacy["legacyToken"]!["exists"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UptimeReportPeriodsFollowTheUsersTimeZone()
    {
        var user = await fixture.NewUserAsync();
        var project = await Dashmon.DashmonClient.CreateProjectAsync(user, "Zoned");
        var device = Guid.Parse((await Dashmon.DashmonClient.CreateDeviceAsync(user, project, new { name = "Zoned", type = "heartbeat", heartbeat = new { interval = 86400, grace = 0 } }))["id"]!.GetValue<string>());
        var bucket = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2).AddHours(12), TimeSpan.Zero);
        await fixture.Monitoring.Database.ExecuteAsync("INSERT INTO om_rollups_5m VALUES ($1, $2, 4, 3, 30, 5, 10, 0, 0)", device, bucket.UtcDateTime);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync("/api/user/preferences/timezone", new { timezone = "Pacific/Kiritimati" })).StatusCode);

        var report = (await user.Session.GetFromJsonAsync<JsonObject>("/api/reports/uptime?period=daily"))!;

        Assert.Equal("Pacific/Kiritimati", report["timezone"]!.GetValue<string>());
        var period = report["devices"]!.AsArray().Single(d => d!["deviceId"]!.GetValue<string>() == device.ToString())!["periods"]!.AsArray().Single()!;
        // 12:00 UTC is 02:00 the next day at UTC+14, whose local midnight is 10:00 UTC.
        Assert.Equal(bucket.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), period["start"]!.GetValue<string>());
        Assert.Equal(4, period["checks"]!.GetValue<long>());
        Assert.Equal(75, period["uptimePercentage"]!.GetValue<double>());
    }
}
