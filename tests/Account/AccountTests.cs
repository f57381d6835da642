using System.Net;
using System.Net.Http.Json;
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
        Assert.Equal("UTC", (await user.Session.GetJsonAsync<AccountPreferencesBody>("/api/user/preferences")).Preferences.Timezone);

        var set = await user.Session.PutAsJsonAsync("/api/user/preferences/timezone", new { timezone = "Europe/Paris" });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("Europe/Paris", (await user.Session.GetJsonAsync<AccountPreferencesBody>("/api/user/preferences")).Preferences.Timezone);
        foreach (var bad in new[] { "Mars/Olympus_Mons", "+02:00", "", "../../etc/passwd" })
        {
            await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/user/preferences/timezone", new { timezone = bad }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        }

        Assert.Equal("Europe/Paris", (await user.Session.GetJsonAsync<AccountPreferencesBody>("/api/user/preferences")).Preferences.Timezone);
    }

    [Fact]
    public async Task SessionsAreListedAndAnotherOneCanBeRevokedAtOnce()
    {
        var user = await fixture.NewUserAsync();
        var laptop = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await laptop.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/projects")).StatusCode);

        var sessions = (await user.Session.GetJsonAsync<AccountSessionList>("/api/user/sessions")).Sessions;
        Assert.Equal(2, sessions.Count);
        var other = sessions.Single(s => !s.Current).Id;

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

        var posture = (await user.Session.GetJsonAsync<IntegrationPostureBody>("/api/user/integration-posture")).Tokens;
        var summary = await user.Session.GetJsonAsync<SupportSummary>("/api/support/summary");
        var legacy = await user.Session.GetJsonAsync<LegacyTokenBody>("/api/user/api-token");

        Assert.Equal(2, posture.Total);
        Assert.Equal(1, posture.ReadOnly);
        Assert.Equal(1, posture.ExpiringWithin7Days);
        Assert.Equal(2, posture.NeverUsed);
        Assert.Equal(1, summary.Devices.Total);
        Assert.Equal(1, summary.Devices.Pending);
        Assert.Equal(0, summary.OpenIncidents);
        Assert.Equal("premium", summary.Plan.Name);
        Assert.Equal(2, summary.Plan.Usage.Projects);
        Assert.False(legacy.LegacyToken.Exists);
    }

    [Fact]
    public async Task UptimeReportPeriodsFollowTheUsersTimeZone()
    {
        var user = await fixture.NewUserAsync();
        var project = await Dashmon.DashmonClient.CreateProjectAsync(user, "Zoned");
        var device = Guid.Parse((await Dashmon.DashmonClient.CreateDeviceAsync(user, project, new { name = "Zoned", type = "heartbeat", heartbeat = new { interval = 86400, grace = 0 } })).Id);
        var bucket = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2).AddHours(12), TimeSpan.Zero);
        await fixture.Monitoring.Database.ExecuteAsync("INSERT INTO om_rollups_5m VALUES ($1, $2, 4, 3, 30, 5, 10, 0, 0)", device, bucket.UtcDateTime);
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync("/api/user/preferences/timezone", new { timezone = "Pacific/Kiritimati" })).StatusCode);

        var report = await user.Session.GetJsonAsync<Dashmon.DashmonUptimeReport>("/api/reports/uptime?period=daily");

        Assert.Equal("Pacific/Kiritimati", report.Timezone);
        var period = report.Devices.Single(d => d.DeviceId == device.ToString()).Periods.Single();
        // 12:00 UTC is 02:00 the next day at UTC+14, whose local midnight is 10:00 UTC.
        Assert.Equal(bucket.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), period.Start);
        Assert.Equal(4, period.Checks);
        Assert.Equal(75, period.UptimePercentage);
    }
}
