using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>
/// The workspace's email and SMS alert rules are stored whole and cleaned, refused recipient by recipient, changed only
/// by admins who see every project; test-sends queue real deliveries whose progress can be polled, inside the workspace only.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertRulesRoutesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RulesStartOffAndAreStoredTrimmedWithoutRepeats()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Rules");
        var empty = await user.Session.GetJsonAsync<DashmonAlertRule>("/api/alerts/email");
        Assert.False(empty.Enabled);
        Assert.Empty(empty.Recipients);

        var saved = await (await user.Session.PutAsJsonAsync("/api/alerts/email", new
        {
            enabled = true,
            recipients = new[] { " ops@example.test ", "OPS@example.test", "dev@example.test" },
            projectIds = new[] { project, project },
        })).ReadJsonAsync<DashmonAlertRule>();
        Assert.True(saved.Enabled);
        Assert.Equal(["ops@example.test", "dev@example.test"], saved.Recipients);
        Assert.Equal([project], saved.ProjectIds);
        var read = await user.Session.GetJsonAsync<DashmonAlertRule>("/api/alerts/email");
        Assert.True(read.Enabled);
        Assert.Equal(saved.Recipients, read.Recipients);
        Assert.Equal(saved.ProjectIds, read.ProjectIds);

        var sms = await (await user.Session.PutAsJsonAsync("/api/alerts/sms", new { enabled = true, recipients = new[] { "+15551234567" } })).ReadJsonAsync<DashmonAlertRule>();
        Assert.Equal(["+15551234567"], sms.Recipients);
        Assert.Empty(sms.ProjectIds); // every project
        Assert.Equal(saved.Recipients, (await user.Session.GetJsonAsync<DashmonAlertRule>("/api/alerts/email")).Recipients); // one rule per channel
    }

    [Fact]
    public async Task BadRecipientsAreRefusedFieldByFieldAndTheStoredRuleStays()
    {
        var user = await fixture.NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync("/api/alerts/sms", new { enabled = true, recipients = new[] { "+15551234567" } })).StatusCode);

        var refused = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync("/api/alerts/sms", new { enabled = true, recipients = new[] { "+15557654321", "555-1234", "ops@example.test" } }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        Assert.Equal(["recipients[1]", "recipients[2]"], refused.Errors!.Keys.Order());
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/alerts/email", new { enabled = true }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/alerts/email", new { enabled = "yes", recipients = "ops@example.test" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/alerts/email", new { recipients = Enumerable.Repeat("a@example.test", 21) }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/alerts/email", new { recipients = new[] { new string('a', 10_000) + "@example.test" } }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/alerts/sms", new { recipients = new[] { "+1555\u00001234567" } }), HttpStatusCode.BadRequest, "invalid_json");
        await ApiAssert.ErrorAsync(await user.Session.PutAsJsonAsync("/api/alerts/email", new { projectIds = new[] { "not-a-project" } }), HttpStatusCode.UnprocessableEntity, "validation_failed");

        var kept = await user.Session.GetJsonAsync<DashmonAlertRule>("/api/alerts/sms");
        Assert.Equal(["+15551234567"], kept.Recipients);
    }

    [Fact]
    public async Task AnAdminWhoSeesSomeProjectsReadsTheRulesButMayNotChangeThem()
    {
        var owner = await fixture.NewUserAsync();
        var project = await owner.CreateProjectAsync("Scoped");
        var admin = await fixture.NewUserAsync();
        await admin.JoinAsync(owner, "admin", [project]);
        Assert.Equal(HttpStatusCode.OK, (await owner.Session.PutAsJsonAsync("/api/alerts/email", new { enabled = true, recipients = new[] { "ops@example.test" } })).StatusCode);

        Assert.Equal(["ops@example.test"], (await admin.Session.GetJsonAsync<DashmonAlertRule>("/api/alerts/email")).Recipients);
        await ApiAssert.ErrorAsync(
            await admin.Session.PutAsJsonAsync("/api/alerts/email", new { enabled = false }), HttpStatusCode.Forbidden, "forbidden_scope");
        Assert.True((await owner.Session.GetJsonAsync<DashmonAlertRule>("/api/alerts/email")).Enabled);
    }

    [Fact]
    public async Task AProjectTestReachesEveryStepsReceiverAndItsDeliveriesCanBePolledInsideTheWorkspaceOnly()
    {
        await using var receiver = LocalHttpTarget.Start();
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Test-send");
        var url = $"/api/projects/{project}/alert-settings";
        await ApiAssert.ErrorAsync(await user.Session.PostAsync(url + "/test", null), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync(url, new
        {
            escalation = new object[]
            {
                new { channel = "webhook", destination = receiver.UrlOf("/hooks/secret-token"), secret = "s3cret" },
                new { delayMinutes = 30, channel = "webhook", destination = receiver.UrlOf("/hooks/secret-token"), secret = "s3cret" },
            },
        })).StatusCode);

        var response = await user.Session.PostAsync(url + "/test", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var test = await response.ReadJsonAsync<DashmonTestSend>();
        var id = Assert.Single(test.DeliveryIds); // one per destination, whatever the delays
        Assert.Equal(1, test.Queued);

        var sent = await Eventually.HoldsAsync(
            () => user.Session.GetJsonAsync<DashmonDelivery>($"/api/alerts/deliveries/{id}"), d => d.Status == "sent", "the test delivery to be sent");
        Assert.Equal(("webhook", "test", 1, 200), (sent.Channel, sent.Event, sent.Attempts, sent.LastStatusCode));
        Assert.Equal($"http://127.0.0.1:{receiver.Port}/…", sent.Destination); // the path (a secret) is never shown
        var request = Assert.Single(receiver.Received, r => r.Path == "/hooks/secret-token");
        Assert.Contains("\"event\":\"test\"", request.Body, StringComparison.Ordinal);

        var outsider = await fixture.NewUserAsync();
        await ApiAssert.ErrorAsync(await outsider.Session.GetAsync($"/api/alerts/deliveries/{id}"), HttpStatusCode.NotFound, "delivery_not_found");
        await ApiAssert.ErrorAsync(await outsider.Session.PostAsync(url + "/test", null), HttpStatusCode.NotFound, "project_not_found");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync("/api/alerts/deliveries/not-an-id"), HttpStatusCode.NotFound, "delivery_not_found");
    }

    [Fact]
    public async Task AnSmsTestGoesToTheNamedNumberOrTheRulesRecipientsAndShowsOnlyTheirLastDigits()
    {
        var user = await fixture.NewUserAsync();
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/alerts/sms/test", new { }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/alerts/sms/test", new { to = "call me" }), HttpStatusCode.UnprocessableEntity, "validation_failed");

        var named = await (await user.Session.PostAsJsonAsync("/api/alerts/sms/test", new { to = "+15551234567" })).ReadJsonAsync<DashmonTestSend>();
        var delivery = await user.Session.GetJsonAsync<DashmonDelivery>($"/api/alerts/deliveries/{Assert.Single(named.DeliveryIds)}");
        Assert.Equal(("sms", "test", "••••••••4567"), (delivery.Channel, delivery.Event, delivery.Destination));

        Assert.Equal(HttpStatusCode.OK, (await user.Session.PutAsJsonAsync("/api/alerts/sms", new { recipients = new[] { "+15550000001", "+15550000002" } })).StatusCode);
        var response = await user.Session.PostAsync("/api/alerts/sms/test", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync<DashmonTestSend>()).Queued);
    }
}
