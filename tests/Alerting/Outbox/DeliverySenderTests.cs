using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Storage;
using static OrleansMonitor.Tests.Alerting.Outbox.OutboxKit;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>
/// The sender over a real PostgreSQL with a recording channel: several senders share the work without sending a
/// delivery twice, a failing or stalled receiver holds up no other, a killed sender's deliveries are sent by another
/// after their lease (once at the receiver), and a database outage loses nothing accepted.
/// </summary>
public sealed class DeliverySenderTests
{
    [Fact]
    public async Task TwoSendersOverOneDatabaseSendEveryDeliveryOnce()
    {
        await using var db = await TestDatabase.CreateAsync("sender_two");
        await using var sourceA = NpgsqlDataSource.Create(db.ConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(db.ConnectionString);
        var receiver = new RecordingChannel();
        var time = TimeProvider.System;
        var now = time.GetUtcNow();
        var workspace = Guid.NewGuid();
        var deliveries = Enumerable.Range(0, 300).Select(i => Delivery(workspace, $"https://r{i % 6}.example/", now)).ToList();
        Assert.Equal(300, (await NewOutbox(db.DataSource, time).EnqueueManyAsync(deliveries)).Recorded);

        void Configure(DeliveryOptions o) => (o.PollInterval, o.Concurrency, o.ClaimBatch) = (TimeSpan.FromMilliseconds(50), 8, 5);
        await using var a = NewSender(sourceA, time, receiver, Configure);
        await using var b = NewSender(sourceB, time, receiver, Configure);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        await Eventually.HoldsAsync(() => CountAsync(db, DeliveryStatus.Sent), n => n == 300, "every delivery to be sent");
        Assert.All(deliveries, d => Assert.Equal(1, receiver.Received(d.IdempotencyKey)));
        Assert.Equal(300, receiver.ReceivedTotal);
        Assert.Equal(300L, a.Sent + b.Sent);
        Assert.Equal(300L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE attempts = 1 AND last_status_code = 200"));
        Assert.All(Enumerable.Range(0, 6), i => Assert.InRange(receiver.MostInProgress($"https://r{i}.example/"), 1, 4)); // two per sender
    }

    [Fact]
    public async Task AFailingReceiverIsRetriedWithBackoffAndFailedAfterMaxAttemptsWhileOthersAreSentOnTime()
    {
        await using var db = await TestDatabase.CreateAsync("sender_retry");
        var clock = new FakeTimeProvider(Start);
        var receiver = new RecordingChannel();
        receiver.Refuse("https://down.example/", 503, retryable: true);
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(30), MaxAttempts = 4 };
        var backoff = new DeliveryBackoff(options);
        await using var sender = NewSender(db.DataSource, clock, receiver, o => (o.FirstRetryDelay, o.MaxRetryDelay, o.MaxAttempts) = (options.FirstRetryDelay, options.MaxRetryDelay, 4));
        var outbox = NewOutbox(db.DataSource, clock);
        var workspace = Guid.NewGuid();
        await outbox.EnqueueManyAsync([Delivery(workspace, "https://down.example/", Start, "down"), Delivery(workspace, "https://up.example/", Start, "up-0")]);
        await sender.StartAsync();
        sender.Wake();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var now = clock.GetUtcNow();
            var row = await Eventually.HoldsAsync(
                () =>
                {
                    sender.Wake(); // claims at the current (fake) time, which stands still meanwhile
                    return RowAsync(db, "down");
                },
                r => r.Attempts == attempt && r.Status != DeliveryStatus.Sending,
                $"attempt {attempt} to be recorded");
            Assert.Equal((503, "HTTP 503 from the receiver"), (row.StatusCode, row.Error));

            // A delivery to another receiver, due now, is sent now: not behind the failing one.
            var up = $"up-{attempt}";
            await outbox.EnqueueAsync(Delivery(workspace, "https://up.example/", now, up));
            sender.Wake();
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received(up)), n => n == 1, $"{up} to be sent");
            var sent = await Eventually.HoldsAsync(() => RowAsync(db, up), r => r.CompletedAt is not null, $"{up} to be recorded sent"); // received before recorded
            Assert.Equal(now, sent.CompletedAt);

            if (attempt < 4)
            {
                Assert.Equal(DeliveryStatus.Pending, row.Status);
                Assert.InRange(row.NotBefore, now + backoff.Floor(attempt), now + backoff.Ceiling(attempt));
                clock.SetUtcNow(row.NotBefore - TimeSpan.FromMilliseconds(1));
                var claims = sender.Claims;
                await Eventually.HoldsAsync(
                    () =>
                    {
                        sender.Wake();
                        return Task.FromResult(sender.Claims);
                    },
                    n => n >= claims + 2, // one at least began after the clock was set
                    "a claim a moment before the retry is due");
                Assert.Equal(attempt, (await RowAsync(db, "down")).Attempts);
                clock.SetUtcNow(row.NotBefore);
            }
            else
            {
                Assert.Equal(DeliveryStatus.Failed, row.Status);
                Assert.Equal(now, row.CompletedAt);
            }
        }

        Assert.Equal(1, receiver.Received("up-0"));
        Assert.Equal(0, receiver.Received("down"));
        Assert.Equal(4, receiver.Attempts.Count(d => d.IdempotencyKey == "down"));
        Assert.Equal([1, 2, 3, 4], receiver.Attempts.Where(d => d.IdempotencyKey == "down").Select(d => d.Attempt));
        Assert.Equal((3L, 1L, 5L), (sender.Retried, sender.Failed, sender.Sent));
    }

    [Fact]
    public async Task ARefusalThatIsNotRetryableOrAChannelThatIsMissingFailsAtOnce()
    {
        await using var db = await TestDatabase.CreateAsync("sender_final");
        var clock = new FakeTimeProvider(Start);
        var receiver = new RecordingChannel();
        receiver.Refuse("https://gone.example/", 410, retryable: false);
        await using var sender = NewSender(db.DataSource, clock, receiver);
        var workspace = Guid.NewGuid();
        var sms = Delivery(workspace, "+15550100", Start, "sms") with { Channel = ChannelKind.Sms };
        await NewOutbox(db.DataSource, clock).EnqueueManyAsync([Delivery(workspace, "https://gone.example/", Start, "gone"), sms]);
        await sender.StartAsync();
        sender.Wake();

        await Eventually.HoldsAsync(() => CountAsync(db, DeliveryStatus.Failed), n => n == 2, "both to fail");
        var gone = await RowAsync(db, "gone");
        Assert.Equal((1, 410), (gone.Attempts, gone.StatusCode));
        var missing = await RowAsync(db, "sms");
        Assert.Equal((1, (int?)null), (missing.Attempts, missing.StatusCode));
        Assert.Contains("No sender for channel Sms", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStalledReceiverHoldsItsOwnSlotsOnlyAndOthersAreSentMeanwhile()
    {
        await using var db = await TestDatabase.CreateAsync("sender_stall");
        var clock = new FakeTimeProvider(Start);
        var receiver = new RecordingChannel();
        const string Slow = "https://slow.example/";
        receiver.Stall(Slow);
        await using var sender = NewSender(db.DataSource, clock, receiver, o => (o.Concurrency, o.PerDestinationConcurrency) = (4, 2));
        var workspace = Guid.NewGuid();
        var slow = Enumerable.Range(0, 6).Select(i => Delivery(workspace, Slow, Start.AddSeconds(-10 + i), $"slow-{i}")).ToList();
        var fast = Enumerable.Range(0, 12).Select(i => Delivery(workspace, $"https://fast{i % 3}.example/", Start, $"fast-{i}")).ToList();
        await NewOutbox(db.DataSource, clock).EnqueueManyAsync([.. slow, .. fast]);
        await sender.StartAsync();
        sender.Wake();

        await Eventually.HoldsAsync(() => Task.FromResult(fast.Sum(d => receiver.Received(d.IdempotencyKey))), n => n == 12, "every fast delivery to be sent");
        Assert.Equal(2, receiver.InProgress(Slow));
        Assert.Equal(2, receiver.MostInProgress(Slow));
        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE destination = $1 AND status = 0 AND attempts = 0", Slow));
        var last = await Eventually.HoldsAsync(() => RowAsync(db, "fast-11"), r => r.CompletedAt is not null, "fast-11 to be recorded sent"); // received before recorded
        Assert.Equal(clock.GetUtcNow(), last.CompletedAt); // on time on the fake clock

        receiver.Take(Slow);
        receiver.ReleaseStalled();
        await Eventually.HoldsAsync(() => CountAsync(db, DeliveryStatus.Sent), n => n == 18, "the slow deliveries to be sent once released");
        Assert.All(slow, d => Assert.Equal(1, receiver.Received(d.IdempotencyKey)));
        Assert.Equal(2, receiver.MostInProgress(Slow));
        Assert.Equal(0, sender.InFlight);
    }

    [Fact]
    public async Task AnAttemptThatOutlastsItsTimeoutIsRetried()
    {
        await using var db = await TestDatabase.CreateAsync("sender_timeout");
        var clock = new FakeTimeProvider(Start);
        var receiver = new RecordingChannel();
        receiver.Stall("https://slow.example/");
        await using var sender = NewSender(db.DataSource, clock, receiver);
        await NewOutbox(db.DataSource, clock).EnqueueAsync(Delivery(Guid.NewGuid(), "https://slow.example/", Start, "slow"));
        await sender.StartAsync();
        sender.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.InProgress("https://slow.example/")), n => n == 1, "the attempt to start");

        clock.Advance(new DeliveryOptions().AttemptTimeout);
        var row = await Eventually.HoldsAsync(() => RowAsync(db, "slow"), r => r.Status == DeliveryStatus.Pending, "the timed-out attempt to be recorded");
        Assert.Equal((1, (int?)null, "No answer within 15 s"), (row.Attempts, row.StatusCode, row.Error));
        Assert.Equal(1L, sender.Retried);
    }

    [Fact]
    public async Task ADeliveryAKilledSenderLeftIsSentByAnotherAfterItsLeaseOnceAndASentOneNeverAgain()
    {
        await using var db = await TestDatabase.CreateAsync("sender_kill");
        var clock = new FakeTimeProvider(Start);
        var lease = new DeliveryOptions().Lease;
        var workspace = Guid.NewGuid();
        const string Stuck = "https://stuck.example/";
        var outbox = NewOutbox(db.DataSource, clock);
        await outbox.EnqueueManyAsync([
            Delivery(workspace, "https://done.example/", Start, "done"),
            Delivery(workspace, Stuck, Start, "stuck-1"),
            Delivery(workspace, Stuck, Start, "stuck-2"),
            Delivery(workspace, "https://raw.example/", Start, "claimed-only"),
        ]);

        // A silo that claimed a row and died before sending it.
        Assert.Equal("claimed-only", Assert.Single(await outbox.ClaimDueAsync(1, lease, 1, new Dictionary<string, int> { ["https://done.example/"] = 1, [Stuck] = 1 })).IdempotencyKey);

        // A silo whose attempts to one receiver hang when it is killed.
        var first = new RecordingChannel();
        first.Stall(Stuck);
        var killed = NewSender(db.DataSource, clock, first);
        await killed.StartAsync();
        killed.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(first.InProgress(Stuck)), n => n == 2, "both stuck attempts to be running");
        await Eventually.HoldsAsync(() => StatusAsync(db, "done"), s => s == (short)DeliveryStatus.Sent, "the first sender to send one");
        await killed.DisposeAsync();
        Assert.Equal(2L, killed.Abandoned);
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE status = 1 AND attempts = 1"));

        var second = new RecordingChannel();
        await using var survivor = NewSender(db.DataSource, clock, second);
        await survivor.StartAsync();
        var claims = survivor.Claims;
        survivor.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(survivor.Claims), n => n > claims, "the survivor to claim while the leases hold");
        Assert.Equal(0, second.ReceivedTotal);

        clock.Advance(lease);
        survivor.Wake();
        await Eventually.HoldsAsync(() => CountAsync(db, DeliveryStatus.Sent), n => n == 4, "the abandoned deliveries to be sent");
        Assert.Equal((1, 1, 1), (second.Received("stuck-1"), second.Received("stuck-2"), second.Received("claimed-only")));
        Assert.Equal(0, second.Received("done"));
        Assert.Equal(1, first.Received("done"));
        Assert.Equal(0, first.Received("stuck-1") + first.Received("stuck-2"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE destination = $1 AND attempts = 2", Stuck));

        clock.Advance(lease * 3);
        claims = survivor.Claims;
        await Eventually.HoldsAsync(
            () =>
            {
                survivor.Wake();
                return Task.FromResult(survivor.Claims);
            },
            n => n >= claims + 2,
            "another claim after every lease has passed");
        Assert.Equal(3, second.ReceivedTotal);
    }

    [Fact]
    public async Task StoppingLetsAttemptsInFlightFinishAndClaimsNothingMore()
    {
        await using var db = await TestDatabase.CreateAsync("sender_stop");
        var clock = new FakeTimeProvider(Start);
        var receiver = new RecordingChannel();
        receiver.Stall("https://a.example/");
        var sender = NewSender(db.DataSource, clock, receiver);
        var outbox = NewOutbox(db.DataSource, clock);
        await outbox.EnqueueAsync(Delivery(Guid.NewGuid(), "https://a.example/", Start, "in-flight"));
        await sender.StartAsync();
        sender.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.InProgress("https://a.example/")), n => n == 1, "the attempt to start");

        var stop = sender.StopAsync();
        await outbox.EnqueueAsync(Delivery(Guid.NewGuid(), "https://b.example/", Start, "after-stop"));
        sender.Wake();
        Assert.False(stop.IsCompleted, "stopping waits for the attempt in flight");
        receiver.Take("https://a.example/");
        receiver.ReleaseStalled();
        await stop.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal((short)DeliveryStatus.Sent, await StatusAsync(db, "in-flight"));
        Assert.Equal((short)DeliveryStatus.Pending, await StatusAsync(db, "after-stop"));
        await sender.DisposeAsync();
    }

    [Fact]
    public async Task ADatabaseOutageLosesNothingAcceptedAndTheSenderGoesOn()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sender_outage", server.ConnectionString());
        await using var senderSource = NpgsqlDataSource.Create(db.ConnectionString);
        var time = TimeProvider.System;
        var receiver = new RecordingChannel();
        var log = new RecordingLogger<DeliverySender>();
        await using var sender = NewSender(
            senderSource, time, receiver,
            o => (o.PollInterval, o.Lease, o.AttemptTimeout, o.FirstRetryDelay) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200)),
            log);
        var now = time.GetUtcNow();
        var workspace = Guid.NewGuid();
        var soon = Enumerable.Range(0, 20).Select(i => Delivery(workspace, $"https://r{i % 4}.example/", now)).ToList();
        var later = Enumerable.Range(0, 20).Select(i => Delivery(workspace, $"https://r{i % 4}.example/", now.AddSeconds(4))).ToList();
        await NewOutbox(db.DataSource, time).EnqueueManyAsync([.. soon, .. later]);
        await sender.StartAsync();
        await Eventually.HoldsAsync(() => CountAsync(db, DeliveryStatus.Sent), n => n == 20, "the first deliveries to be sent");

        await server.StopAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(sender.ClaimFailures), n => n >= 3, "claims to fail while the database is away");
        var failures = sender.ClaimFailures;
        await Eventually.HoldsAsync(() => Task.FromResult(sender.ClaimFailures), n => n > failures, "the sender to keep trying");
        await server.StartAgainAsync();

        await using var check = NpgsqlDataSource.Create(db.ConnectionString);
        await Eventually.HoldsAsync(
            async () => (long)(await check.CreateCommand("SELECT count(*) FROM om_alert_deliveries WHERE status = 2").ExecuteScalarAsync())!,
            n => n == 40, "every accepted delivery to be sent after the database returns", TimeSpan.FromSeconds(60));
        Assert.All([.. soon, .. later], d => Assert.Equal(1, receiver.Received(d.IdempotencyKey)));
        Assert.NotEmpty(log.Of("DeliveryClaimFailed"));
        Assert.Single(log.Of("DeliveryClaimRecovered"));
        Assert.True(log.Of("DeliveryClaimFailed").Count < failures + 5, "claim failures are logged throttled");
    }

    private static async Task<Row> RowAsync(TestDatabase db, string key)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT status, attempts, not_before, last_status_code, last_error, completed_at FROM om_alert_deliveries WHERE idempotency_key = $1");
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"delivery {key} is recorded");
        return new Row(
            (DeliveryStatus)reader.GetInt16(0),
            reader.GetInt32(1),
            reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    private sealed record Row(DeliveryStatus Status, int Attempts, DateTimeOffset NotBefore, int? StatusCode, string? Error, DateTimeOffset? CompletedAt);
}
