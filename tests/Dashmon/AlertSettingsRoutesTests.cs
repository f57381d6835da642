using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>
/// A project's alert routing is stored whole, read back without its secrets, refused field by field when a step could
/// never be delivered, visible only inside its workspace, and gone with its project.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertSettingsRoutesTests(ClusterFixture fixture)
{
    private static object FullSettings(string webhook) => new
    {
        timeZone = "Europe/Berlin",
        quietHours = new { start = "22:00", end = "07:00", mode = "high_priority_only" },
        onCall = new { members = new[] { "first@example.test", "second@example.test" }, handoffDay = "monday", handoffTime = "09:00" },
        escalation = new object[]
        {
            new { delayMinutes = 15, channel = "sms", destination = "+15551234567", highPriority = true },
            new { delayMinutes = 0, channel = "slack", destination = webhook },
            new { delayMinutes = 5, channel = "email", destination = "on-call" },
            new { delayMinutes = 30, channel = "pagerduty", secret = "routing-key-123", highPriority = true },
            new { delayMinutes = 0, channel = "webhook", destination = webhook, secret = "s3cret" },
        },
        stillDownEveryMinutes = 30,
        flapping = new { changes = 4, windowMinutes = 15, stableMinutes = 20 },
    };

    [Fact]
    public async Task SettingsAreStoredWholeReadBackWithoutSecretsAndNameWhoIsOnCall()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Routing");
        var url = $"/api/projects/{project}/alert-settings";

        var empty = await user.Session.GetJsonAsync<DashmonAlertSettings>(url);
        Assert.Empty(empty.Settings.Escalation);
        Assert.Null(empty.OnCallNow);

        var saved = await (await user.Session.PutAsJsonAsync(url, FullSettings("https://hooks.example.test/services/T000/B000"))).ReadJsonAsync<DashmonAlertSettings>();
        Assert.True(saved.Success);
        Assert.Equal("first@example.test", saved.OnCallNow); // the rotation starts with its first member
        var read = await user.Session.GetJsonAsync<DashmonAlertSettings>(url);
        Assert.Equal(saved.Settings.Escalation, read.Settings.Escalation);
        Assert.Equal(["first@example.test", "second@example.test"], read.Settings.OnCall!.Members);
        Assert.Equal(("monday", "09:00"), (read.Settings.OnCall.HandoffDay, read.Settings.OnCall.HandoffTime));
        Assert.Equal("Europe/Berlin", read.Settings.TimeZone);
        Assert.Equal(new DashmonQuietHours("22:00", "07:00", "high_priority_only"), read.Settings.QuietHours);
        Assert.Equal(new DashmonFlapping(4, 15, 20), read.Settings.Flapping);
        Assert.Equal(30, read.Settings.StillDownEveryMinutes);

        // Steps come back in the order they are due; secrets only as a flag.
        Assert.Equal([0, 0, 5, 15, 30], read.Settings.Escalation.Select(s => s.DelayMinutes));
        Assert.Equal(["slack", "webhook", "email", "sms", "pagerduty"], read.Settings.Escalation.Select(s => s.Channel));
        Assert.Equal([false, true, false, false, true], read.Settings.Escalation.Select(s => s.SecretSet));
        var body = await user.Session.GetStringAsync(url);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("routing-key-123", body, StringComparison.Ordinal);

        // Saving the same rotation again keeps its weeks; a changed rotation starts anew.
        var again = await (await user.Session.PutAsJsonAsync(url, FullSettings("https://hooks.example.test/other"))).ReadJsonAsync<DashmonAlertSettings>();
        Assert.Equal(read.Settings.OnCall!.StartsAt, again.Settings.OnCall!.StartsAt);
        Assert.Equal("https://hooks.example.test/other", again.Settings.Escalation[0].Destination);
    }

    [Fact]
    public async Task UndeliverableStepsAreRefusedFieldByFieldAndNothingIsStored()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Refusals");
        var url = $"/api/projects/{project}/alert-settings";
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync(url, new { escalation = new[] { new { channel = "email", destination = "ops@example.test" } } })).StatusCode);

        var shape = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync(url, new { escalation = new[] { new { channel = "carrier-pigeon", destination = "roof" } } }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        Assert.Contains("escalation[0].channel", shape.Errors!.Keys);

        var refused = await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync(url, new
        {
            timeZone = "Mars/Olympus",
            escalation = new object[]
            {
                new { channel = "email", destination = "ops@example.test", delayMinutes = 0 },
                new { channel = "email", destination = "not an address" },
                new { channel = "sms", destination = "0049 123" },
                new { channel = "slack", destination = "ftp://hooks.example.test/x" },
                new { channel = "webhook", destination = "http://169.254.169.254/latest/meta-data" },
                new { channel = "pagerduty" },
                new { channel = "email", destination = "on-call" },
                new { channel = "email", destination = "ops@example.test", delayMinutes = -1 },
            },
            stillDownEveryMinutes = 1,
        }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var errors = refused.Errors!;
        Assert.DoesNotContain("escalation[0].destination", errors.Keys);
        Assert.Contains("timeZone", errors.Keys);
        Assert.Contains("escalation[1].destination", errors.Keys);
        Assert.Contains("escalation[2].destination", errors.Keys);
        Assert.Contains("escalation[3].destination", errors.Keys);
        Assert.Contains("escalation[4].destination", errors.Keys);
        Assert.Contains("escalation[5].secret", errors.Keys);
        Assert.Contains("escalation[6].destination", errors.Keys); // on-call without a rotation
        Assert.Contains("escalation[7].delayMinutes", errors.Keys);
        Assert.Contains("stillDownEveryMinutes", errors.Keys);

        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync(url, new { quietHours = new { start = "25:00", end = "07:00" } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync(url, new { escalation = "email" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsync(url, new StringContent("{\"escalation\":[{\"channel\":\"email\",\"destination\":\"a\\u0000@example.test\"}]}", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "invalid_json");

        var kept = await user.Session.GetJsonAsync<DashmonAlertSettings>(url);
        Assert.Equal("ops@example.test", Assert.Single(kept.Settings.Escalation).Destination);
    }

    [Fact]
    public async Task AnotherWorkspaceSeesNothingAndTheSettingsGoWithTheirProject()
    {
        var user = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Private routing");
        var url = $"/api/projects/{project}/alert-settings";
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync(url, new { escalation = new[] { new { channel = "email", destination = "ops@example.test" } } })).StatusCode);

        await ApiAssert.ErrorAsync(await stranger.Session.GetAsync(url), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await stranger.Session.PutAsJsonAsync(url, new { escalation = Array.Empty<object>() }), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync("/api/projects/not-a-guid/alert-settings"), HttpStatusCode.NotFound, "project_not_found");

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/projects/{project}")).StatusCode);
        await ApiAssert.ErrorAsync(await user.Session.GetAsync(url), HttpStatusCode.NotFound, "project_not_found");
    }
}
