using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Text;
using OrleansMonitor.Tests.Infrastructure;
using static OrleansMonitor.Tests.Alerting.Outbox.OutboxKit;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>
/// The outbox over a real PostgreSQL: recording is idempotent and a refused row costs only itself, concurrent claims
/// never share a row, a destination's share is respected, a late result is fenced off, cancellation touches one
/// incident's pending escalation only, and history and statistics stay in their workspace.
/// </summary>
public sealed class DeliveryOutboxTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task EnqueueIsIdempotentByKey()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_idem");
        var outbox = NewOutbox(db.DataSource, new FakeTimeProvider(Start));
        var workspace = Guid.NewGuid();
        var first = Delivery(workspace, "https://a.example/hook", Start, key: "incident:1:opened:webhook:a");

        Assert.True(await outbox.EnqueueAsync(first));
        Assert.False(await outbox.EnqueueAsync(first with { Destination = "https://other.example/" }));
        var batch = await outbox.EnqueueManyAsync([first, Delivery(workspace, "https://b.example/hook", Start, key: "k2"), Delivery(workspace, "https://b.example/hook", Start, key: "k2")]);

        Assert.Equal((1, 2), (batch.Recorded, batch.AlreadyRecorded));
        Assert.Empty(batch.Rejected);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries"));
        Assert.Equal("https://a.example/hook", await db.ScalarAsync<string>("SELECT destination FROM om_alert_deliveries WHERE idempotency_key = $1", first.IdempotencyKey));
    }

    [Fact]
    public async Task ConcurrentClaimersNeverTakeTheSameRow()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_claims");
        var clock = new FakeTimeProvider(Start);
        var workspace = Guid.NewGuid();
        var seed = NewOutbox(db.DataSource, clock);
        var all = Enumerable.Range(0, 600).Select(i => Delivery(workspace, $"https://d{i % 7}.example/", Start.AddSeconds(-i))).ToList();
        Assert.Equal(600, (await seed.EnqueueManyAsync(all)).Recorded);

        var claimers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var outbox = NewOutbox(db.DataSource, clock);
            var mine = new List<AlertDelivery>();
            while (true)
            {
                var claimed = await outbox.ClaimDueAsync(25, Lease);
                if (claimed.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(claimed);
            }
        })).ToList();
        var taken = (await Task.WhenAll(claimers)).SelectMany(claimed => claimed).ToList();

        Assert.Equal(600, taken.Count);
        Assert.Equal(all.Select(d => d.IdempotencyKey).Order(StringComparer.Ordinal), taken.Select(d => d.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.All(taken, d => Assert.Equal(1, d.Attempt));
        Assert.Equal(600L, await CountAsync(db, DeliveryStatus.Sending));
        Assert.Equal(600L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE lease_until = $1", Start + Lease));
        Assert.Empty(await seed.ClaimDueAsync(10, Lease)); // all leased
    }

    [Fact]
    public async Task ClaimTakesOnlyDueRowsAndLeavesASaturatedDestinationsRowsUnattempted()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_share");
        var clock = new FakeTimeProvider(Start);
        var outbox = NewOutbox(db.DataSource, clock);
        var workspace = Guid.NewGuid();
        await outbox.EnqueueManyAsync([
            .. Enumerable.Range(0, 10).Select(i => Delivery(workspace, "https://slow.example/", Start.AddSeconds(-20 + i))),
            .. Enumerable.Range(0, 10).Select(i => Delivery(workspace, "https://fast.example/", Start.AddSeconds(-10 + i))),
            Delivery(workspace, "https://fast.example/", Start.AddMinutes(1), key: "later"),
        ]);

        var first = await outbox.ClaimDueAsync(20, Lease, 2, new Dictionary<string, int> { ["https://slow.example/"] = 1 });
        Assert.Equal(1, first.Count(d => d.Destination == "https://slow.example/"));
        Assert.Equal(2, first.Count(d => d.Destination == "https://fast.example/"));

        var second = await outbox.ClaimDueAsync(20, Lease, 2, new Dictionary<string, int> { ["https://slow.example/"] = 2, ["https://fast.example/"] = 2 });
        Assert.Empty(second);
        Assert.Equal(18L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE status = 0 AND attempts = 0")); // 17 due, 1 later

        var rest = await outbox.ClaimDueAsync(100, Lease);
        Assert.Equal(17, rest.Count);
        Assert.DoesNotContain(rest, d => d.IdempotencyKey == "later");
        clock.Advance(TimeSpan.FromMinutes(1)); // the others' leases still hold
        Assert.Equal("later", Assert.Single(await outbox.ClaimDueAsync(100, Lease)).IdempotencyKey);
    }

    [Fact]
    public async Task AResultFromAnAttemptWhoseLeasePassedAndWasClaimedAgainIsNotRecorded()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_fence");
        var clock = new FakeTimeProvider(Start);
        var outbox = NewOutbox(db.DataSource, clock);
        await outbox.EnqueueAsync(Delivery(Guid.NewGuid(), "https://a.example/", Start, key: "fenced"));

        var stale = Assert.Single(await outbox.ClaimDueAsync(5, Lease));
        clock.Advance(Lease);
        var current = Assert.Single(await outbox.ClaimDueAsync(5, Lease));
        Assert.Equal((stale.Id, 1, 2), (current.Id, stale.Attempt, current.Attempt));

        Assert.False(await outbox.CompleteAsync(stale, ChannelResult.Sent(200, 5)));
        Assert.Equal((short)DeliveryStatus.Sending, await StatusAsync(db, "fenced"));
        Assert.True(await outbox.FailAsync(current, ChannelResult.Failed(410, "gone", false, 7)));
        Assert.False(await outbox.CompleteAsync(current, ChannelResult.Sent(200, 5)));
        Assert.Equal((short)DeliveryStatus.Failed, await StatusAsync(db, "fenced"));
    }

    [Fact]
    public async Task CancellingAnAcknowledgedIncidentCancelsItsPendingEscalationOnly()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_cancel");
        var clock = new FakeTimeProvider(Start);
        var outbox = NewOutbox(db.DataSource, clock);
        Guid workspace = Guid.NewGuid(), otherWorkspace = Guid.NewGuid();
        long incident = 7_001, otherIncident = 7_002;
        await outbox.EnqueueManyAsync([
            Delivery(workspace, "https://inflight.example/", Start.AddMinutes(-1), "inflight", incident),
            Delivery(workspace, "https://a.example/", Start, "due", incident),
            Delivery(workspace, "https://b.example/", Start.AddMinutes(10), "escalation", incident, AlertEventKind.StillDown),
            Delivery(workspace, "https://a.example/", Start, "ack-notice", incident, AlertEventKind.Acknowledged),
            Delivery(workspace, "https://a.example/", Start, "other-incident", otherIncident),
            Delivery(otherWorkspace, "https://a.example/", Start, "other-workspace", incident),
        ]);
        var inFlight = Assert.Single(await outbox.ClaimDueAsync(1, Lease));
        Assert.Equal("inflight", inFlight.IdempotencyKey);
        await outbox.CompleteAsync(Assert.Single(await ClaimKeyAsync(db, outbox, "other-incident")), ChannelResult.Sent(200, 1));

        Assert.Equal(2, await outbox.CancelPendingForIncidentAsync(workspace, incident));

        Assert.Equal((short)DeliveryStatus.Cancelled, await StatusAsync(db, "due"));
        Assert.Equal((short)DeliveryStatus.Cancelled, await StatusAsync(db, "escalation"));
        Assert.Equal((short)DeliveryStatus.Sending, await StatusAsync(db, "inflight"));
        Assert.Equal((short)DeliveryStatus.Pending, await StatusAsync(db, "ack-notice"));
        Assert.Equal((short)DeliveryStatus.Sent, await StatusAsync(db, "other-incident"));
        Assert.Equal((short)DeliveryStatus.Pending, await StatusAsync(db, "other-workspace"));
        Assert.True(await outbox.CompleteAsync(inFlight, ChannelResult.Sent(200, 4)), "the delivery in flight finishes");
        Assert.Equal(0, await outbox.CancelPendingForIncidentAsync(workspace, incident));

        var history = await outbox.ForIncidentAsync(workspace, incident);
        Assert.Equal(4, history.Count);
        Assert.Equal(
            [(AlertEventKind.Opened, DeliveryStatus.Sent), (AlertEventKind.Opened, DeliveryStatus.Cancelled), (AlertEventKind.StillDown, DeliveryStatus.Cancelled), (AlertEventKind.Acknowledged, DeliveryStatus.Pending)],
            history.Select(r => (r.EventKind, r.Status)).Order());
        Assert.All(history.Where(r => r.Status == DeliveryStatus.Cancelled), r => Assert.Equal(Start, r.CompletedAt));
    }

    [Fact]
    public async Task AHostileRowInABatchCostsOnlyItselfAndTextIsStoredCleanAndCapped()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_hostile");
        var outbox = NewOutbox(db.DataSource, new FakeTimeProvider(Start));
        var workspace = Guid.NewGuid();
        var hugeKey = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", 30_000);
        var dirty = Delivery(workspace, "https://evil.example/\0" + new string('p', 10_000), Start, "dirty", title: "down\0" + new string('t', 5_000));
        dirty = dirty with { Event = dirty.Event with { Cause = new string('c', 100_000), AcknowledgeUrl = "x\uD800y" } };

        var result = await outbox.EnqueueManyAsync([
            Delivery(workspace, "https://a.example/", Start, "good-1"),
            dirty,
            Delivery(workspace, "https://a.example/", Start, hugeKey),
            Delivery(workspace, "https://a.example/", Start, "nul\0key"),
            Delivery(workspace, "https://a.example/", Start, "good-2"),
            Delivery(workspace, "https://a.example/", Start, "good-1"),
        ]);

        Assert.Equal((3, 1), (result.Recorded, result.AlreadyRecorded));
        Assert.Equal([2, 3], result.Rejected);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries"));
        var destination = await db.ScalarAsync<string>("SELECT destination FROM om_alert_deliveries WHERE idempotency_key = 'dirty'");
        Assert.Equal(DeliveryOutbox.DestinationMaxLength, destination.Length);
        Assert.StartsWith("https://evil.example/\uFFFD", destination, StringComparison.Ordinal);

        var claimed = await outbox.ClaimDueAsync(10, Lease);
        var alert = claimed.Single(d => d.IdempotencyKey == "dirty").Event;
        Assert.Equal(DeliveryOutbox.EventTextMaxLength, alert.Title.Length);
        Assert.StartsWith("down\uFFFD", alert.Title, StringComparison.Ordinal);
        Assert.Equal(DeliveryOutbox.EventTextMaxLength, alert.Cause.Length);
        Assert.Equal("x\uFFFDy", alert.AcknowledgeUrl);
        Assert.True(StoredText.IsClean(alert.Title) && StoredText.IsClean(destination));
    }

    [Fact]
    public async Task AClaimedRowWhoseEventCannotBeReadIsFailedNotClaimedAgainAndTheOthersAreClaimed()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_unreadable");
        var clock = new FakeTimeProvider(Start);
        var outbox = NewOutbox(db.DataSource, clock);
        await outbox.EnqueueManyAsync([Delivery(Guid.NewGuid(), "https://a.example/", Start, "readable"), Delivery(Guid.NewGuid(), "https://a.example/", Start, "unreadable")]);
        await db.ExecuteAsync("UPDATE om_alert_deliveries SET event = '{\"Kind\": \"from a later build\"}' WHERE idempotency_key = 'unreadable'");

        Assert.Equal("readable", Assert.Single(await outbox.ClaimDueAsync(10, Lease)).IdempotencyKey);
        Assert.Equal((short)DeliveryStatus.Failed, await StatusAsync(db, "unreadable"));
        clock.Advance(Lease * 2);
        Assert.Equal("readable", Assert.Single(await outbox.ClaimDueAsync(10, Lease)).IdempotencyKey);
    }

    [Fact]
    public async Task HistoryAndActivityStayInTheirWorkspace()
    {
        await using var db = await TestDatabase.CreateAsync("outbox_history");
        var clock = new FakeTimeProvider(Start);
        var outbox = NewOutbox(db.DataSource, clock);
        Guid workspace = Guid.NewGuid(), other = Guid.NewGuid(), hook = Guid.NewGuid(), quiet = Guid.NewGuid();
        await outbox.EnqueueManyAsync([
            Delivery(workspace, "https://h.example/", Start, "h1", webhookId: hook),
            Delivery(workspace, "https://h.example/", Start, "h2", webhookId: hook),
            Delivery(workspace, "https://h.example/", Start, "h3", webhookId: hook),
            Delivery(other, "https://h.example/", Start, "foreign", webhookId: hook),
        ]);
        var claimed = (await outbox.ClaimDueAsync(10, Lease)).ToDictionary(d => d.IdempotencyKey);
        await outbox.CompleteAsync(claimed["h1"], ChannelResult.Sent(204, 31));
        await outbox.FailAsync(claimed["h2"], ChannelResult.Failed(404, "HTTP 404\0 not found", false, 12));
        await outbox.RetryAsync(claimed["h3"], ChannelResult.Failed(503, "HTTP 503", true, 9), Start.AddSeconds(10));

        var activity = await outbox.ActivityAsync(workspace, null, Start.AddMinutes(1));
        Assert.Equal(new DeliveryCounts(1, 1, 1, 0), activity.Last24Hours);
        Assert.Equal(3, activity.Recent.Count);
        var dayLater = await outbox.ActivityAsync(workspace, null, Start.AddDays(2));
        Assert.Equal(DeliveryCounts.Zero, dayLater.Last24Hours); // counted over 24 hours; the newest are shown however old
        Assert.Equal(3, dayLater.Recent.Count);
        Assert.Empty(await outbox.ForWebhookAsync(workspace, quiet, 10));

        var history = await outbox.ForWebhookAsync(workspace, hook, 10);
        Assert.Equal(3, history.Count);
        var failed = history.Single(r => r.Status == DeliveryStatus.Failed);
        Assert.Equal((404, "HTTP 404\uFFFD not found", 12, 1), (failed.LastStatusCode, failed.LastError, failed.LastLatencyMs, failed.Attempts));
        var retried = history.Single(r => r.Status == DeliveryStatus.Pending);
        Assert.Equal((503, (DateTimeOffset?)null), (retried.LastStatusCode, retried.CompletedAt));
        Assert.Equal(Start, history.Single(r => r.Status == DeliveryStatus.Sent).CompletedAt);
        Assert.Single(await outbox.ForWebhookAsync(workspace, hook, 1));
        Assert.Equal(new DeliveryCounts(0, 0, 1, 0), (await outbox.ActivityAsync(other, null, Start)).Last24Hours);
        Assert.Equal(DeliveryStatus.Sending, Assert.Single(await outbox.ForWebhookAsync(other, hook, 10)).Status);
    }

    private static async Task<IReadOnlyList<AlertDelivery>> ClaimKeyAsync(TestDatabase db, DeliveryOutbox outbox, string key)
    {
        // Only this row is due: push the others back, claim, put them back.
        await db.ExecuteAsync("UPDATE om_alert_deliveries SET not_before = not_before + interval '1 day' WHERE idempotency_key <> $1 AND status = 0", key);
        var claimed = await outbox.ClaimDueAsync(10, Lease);
        await db.ExecuteAsync("UPDATE om_alert_deliveries SET not_before = not_before - interval '1 day' WHERE idempotency_key <> $1 AND status = 0", key);
        return claimed;
    }
}
