using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Grains.Text;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Storage;

/// <summary>
/// The heartbeat writer on its own over a real PostgreSQL: one bad row never stops the others, an outage loses nothing
/// accepted, overflow is refused at once and said, and stopping drains what is buffered.
/// </summary>
public sealed class HeartbeatWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PoisonRowIsRejectedAloneWhileTheRestOfItsBatchLandsWithExactRollups()
    {
        await using var db = await TestDatabase.CreateAsync("writer_poison");
        var good = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var poisoned = Guid.NewGuid();
        await AddMonitorsAsync(db, [.. good, poisoned]);
        var log = new RecordingLogger<HeartbeatWriter>();
        await using var writer = NewWriter(db.DataSource, log);

        // One batch of 1,000 rows (all queued before the loop starts), the poison in the middle of it.
        var rows = Enumerable.Range(0, 999).Select(i => Row(good[i % good.Length], 1_000 + i)).ToList();
        var hostile = "evil\0" + new string('x', 300);
        var poison = (MonitorId: poisoned, Heartbeat: new Heartbeat(77, "200", 5, Start, false, hostile));
        foreach (var (monitorId, heartbeat) in rows.Take(500).Append(poison).Concat(rows.Skip(500)))
        {
            Assert.True(writer.Enqueue(monitorId, heartbeat));
        }

        await writer.StartAsync();
        Assert.True(await writer.FlushAsync(FlushTimeout), "the batch was written");

        var stats = writer.Stats;
        Assert.Equal((1_000L, 999L, 1L, 0L, 0L), (stats.Accepted, stats.Written, stats.Rejected, stats.Pending, stats.Dropped));
        Assert.Equal(999L, await db.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", poisoned));
        Assert.Equal(ExpectedRollups(rows), await RollupsAsync(db.DataSource));

        var rejection = Assert.Single(log.Of("HeartbeatRejected"));
        Assert.Equal(LogLevel.Error, rejection.Level);
        Assert.Contains(poisoned.ToString(), rejection.Message, StringComparison.Ordinal);
        Assert.Contains("77", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("22021", rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 50), rejection.Message, StringComparison.Ordinal);
        Assert.Contains("22021", stats.LastError, StringComparison.Ordinal);
        Assert.False(stats.DatabaseUnreachable, "a content error is not an outage");

        // Later batches keep landing.
        var later = Enumerable.Range(0, 10).Select(i => Row(good[i], 5_000 + i)).ToList();
        foreach (var (monitorId, heartbeat) in later)
        {
            Assert.True(writer.Enqueue(monitorId, heartbeat));
        }

        Assert.True(await writer.FlushAsync(FlushTimeout), "the later batch was written");
        Assert.Equal(1_009L, await db.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats"));
        Assert.Equal(ExpectedRollups([.. rows, .. later]), await RollupsAsync(db.DataSource));
    }

    [Fact]
    public async Task OversizedMessageIsStoredCutAndALoneSurrogateIsRejectedAlone()
    {
        await using var db = await TestDatabase.CreateAsync("writer_text");
        Guid longOne = Guid.NewGuid(), broken = Guid.NewGuid(), fine = Guid.NewGuid();
        await AddMonitorsAsync(db, [longOne, broken, fine]);
        var log = new RecordingLogger<HeartbeatWriter>();
        await using var writer = NewWriter(db.DataSource, log);

        Assert.True(writer.Enqueue(longOne, new Heartbeat(1, "500", 3, Start, true, new string('a', 100_000))));
        var cut = new Heartbeat(1, "500", 3, Start, true, StoredText.Clean(new string('a', 100_000)));
        Assert.Equal(HeartbeatWriter.EstimateBytes(cut), writer.PendingBytes); // the buffer holds the cut message only
        Assert.True(writer.Enqueue(broken, new Heartbeat(2, "200", 4, Start, false, "half a pair \uD800 here")));
        Assert.True(writer.Enqueue(fine, new Heartbeat(3, "200", 5, Start, false, "OK")));

        await writer.StartAsync();
        Assert.True(await writer.FlushAsync(FlushTimeout), "the batch was written");

        var stored = await db.ScalarAsync<string>("SELECT message FROM om_heartbeats WHERE monitor_id = $1", longOne);
        Assert.Equal(StoredText.MessageMaxLength, stored.Length);
        Assert.StartsWith("aaaa", stored, StringComparison.Ordinal);
        Assert.EndsWith("…", stored, StringComparison.Ordinal);
        Assert.Equal("OK", await db.ScalarAsync<string>("SELECT message FROM om_heartbeats WHERE monitor_id = $1", fine));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", broken));
        Assert.Equal((2L, 1L), (writer.Written, writer.Rejected));
        var rejection = Assert.Single(log.Of("HeartbeatRejected"));
        Assert.Contains(broken.ToString(), rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\uD800", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHistoryDeleteDuringABatchWaitsForItAndLeavesNoRowBehind()
    {
        await using var db = await TestDatabase.CreateAsync("writer_fence");
        var monitorId = Guid.NewGuid();
        await AddMonitorsAsync(db, [monitorId]);
        // The batch has checked the index row and is inserting (slowly) when the monitor is deleted.
        await db.ExecuteAsync($"""
            CREATE FUNCTION om_test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END $$;
            CREATE TRIGGER om_test_slow_insert BEFORE INSERT ON om_heartbeats FOR EACH ROW WHEN (NEW.monitor_id = '{monitorId}') EXECUTE FUNCTION om_test_slow_insert();
            """);
        var log = new RecordingLogger<HeartbeatWriter>();
        await using var writer = NewWriter(db.DataSource, log);
        foreach (var (id, heartbeat) in Enumerable.Range(0, 4).Select(i => Row(monitorId, 100 + i)))
        {
            Assert.True(writer.Enqueue(id, heartbeat));
        }

        await writer.StartAsync();
        await Eventually.HoldsAsync(
            () => db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%INSERT INTO om_heartbeats%'"),
            n => n >= 1,
            "the batch to be inserting");

        await new MonitorDirectory(db.DataSource).RemoveAsync(monitorId);
        await new HeartbeatHistory(db.DataSource).DeleteMonitorAsync(monitorId);

        Assert.True(await writer.FlushAsync(FlushTimeout), "the batch ended");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats WHERE monitor_id = $1", monitorId));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM om_rollups_5m WHERE monitor_id = $1", monitorId));
    }

    [Fact]
    public async Task ARepeatedBatchLandsOnceAndCountsOnceInTheRollups()
    {
        // What a retry after a lost commit acknowledgement sends: rows that are already there.
        await using var db = await TestDatabase.CreateAsync("writer_repeat");
        var monitors = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await AddMonitorsAsync(db, monitors);
        await using var writer = NewWriter(db.DataSource, new RecordingLogger<HeartbeatWriter>());
        await writer.StartAsync();
        var rows = Enumerable.Range(0, 40).Select(i => Row(monitors[i % 2], 10 + i)).ToList();

        for (var round = 0; round < 2; round++)
        {
            foreach (var (monitorId, heartbeat) in rows)
            {
                Assert.True(writer.Enqueue(monitorId, heartbeat));
            }

            Assert.True(await writer.FlushAsync(FlushTimeout), $"round {round} was written");
        }

        Assert.Equal(40L, await db.ScalarAsync<long>("SELECT count(*) FROM om_heartbeats"));
        Assert.Equal(ExpectedRollups(rows), await RollupsAsync(db.DataSource));
    }

    [Fact]
    public async Task DatabaseOutageLosesNothingAcceptedAndShowsWhileItLasts()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var db = await TestDatabase.CreateAsync("writer_outage", server.ConnectionString());
        var monitors = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        await AddMonitorsAsync(db, monitors);
        await using var writerSource = NpgsqlDataSource.Create(db.ConnectionString);
        var log = new RecordingLogger<HeartbeatWriter>();
        await using var writer = NewWriter(writerSource, log);
        await writer.StartAsync();

        var accepted = new List<(Guid MonitorId, Heartbeat Heartbeat)>();
        void EnqueueSome(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var row = Row(monitors[accepted.Count % monitors.Length], accepted.Count + 1);
                Assert.True(writer.Enqueue(row.MonitorId, row.Heartbeat), "accepted while the buffer holds");
                accepted.Add(row);
            }
        }

        EnqueueSome(300);
        Assert.True(await writer.FlushAsync(FlushTimeout), "written before the outage");

        await server.StopAsync();
        var during = await Eventually.HoldsAsync(
            () =>
            {
                EnqueueSome(20);
                return Task.FromResult(writer.Stats);
            },
            stats => stats.DatabaseUnreachable,
            "the writer to report the database unreachable");
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < TimeSpan.FromSeconds(2))
        {
            EnqueueSome(20); // grains keep producing while the database is gone
            await Task.Delay(100);
        }

        Assert.NotNull(during.UnreachableSince);
        Assert.NotNull(during.LastError);
        Assert.NotNull(during.LastErrorAt);
        Assert.True(writer.Pending > 0, "rows wait in the buffer");
        Assert.Equal(0L, writer.Dropped);

        await server.StartAgainAsync();
        EnqueueSome(100);
        Assert.True(await writer.FlushAsync(FlushTimeout), $"written after the outage; {writer.Stats}");

        var after = writer.Stats;
        Assert.False(after.DatabaseUnreachable);
        Assert.Null(after.UnreachableSince);
        Assert.Equal((accepted.Count, accepted.Count, 0L, 0L, 0L), (after.Accepted, after.Written, after.Pending, after.Dropped, after.Rejected));
        await using var check = NpgsqlDataSource.Create(db.ConnectionString);
        Assert.Equal(accepted.Select(row => row.Heartbeat.Id).Order(), await IdsAsync(check));
        Assert.Equal(ExpectedRollups(accepted), await RollupsAsync(check));
        Assert.NotEmpty(log.Of("HeartbeatWriteFailed"));
        Assert.Single(log.Of("HeartbeatWriteRecovered"));
        Assert.Empty(log.Of("HeartbeatRejected"));
    }

    [Fact]
    public async Task OverflowIsRefusedAtOnceCountedAndLoggedAndTheAcceptedRowsLandAfterTheOutage()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var db = await TestDatabase.CreateAsync("writer_overflow", server.ConnectionString());
        var monitor = Guid.NewGuid();
        await AddMonitorsAsync(db, [monitor]);
        await using var writerSource = NpgsqlDataSource.Create(db.ConnectionString);
        var log = new RecordingLogger<HeartbeatWriter>();
        var clock = new FakeTimeProvider(Start);
        await using var writer = NewWriter(writerSource, log, o => (o.Capacity, o.CapacityBytes) = (6, 3_800), clock);
        await writer.StartAsync();
        await server.StopAsync();

        var id = 0;
        Heartbeat Long() => new(++id, "500", 1, Start.AddSeconds(id), true, new string('m', 400));
        Heartbeat Short() => new(++id, "200", 1, Start.AddSeconds(id), false, "OK");
        var refusals = Stopwatch.StartNew();
        Assert.True(writer.Enqueue(monitor, Long()));
        Assert.True(writer.Enqueue(monitor, Long()));
        Assert.True(writer.Enqueue(monitor, Long()));
        Assert.False(writer.Enqueue(monitor, Long()), "a fourth long row passes the byte bound");
        for (var i = 0; i < 3; i++)
        {
            Assert.True(writer.Enqueue(monitor, Short()), "short rows still fit the bytes");
        }

        Assert.False(writer.Enqueue(monitor, Short()), "a seventh row passes the row bound (its bytes would fit)");
        for (var i = 0; i < 1_000; i++)
        {
            Assert.False(writer.Enqueue(monitor, Short()));
        }

        Assert.True(refusals.Elapsed < TimeSpan.FromSeconds(1), $"refusals never wait ({refusals.Elapsed})");
        var longBytes = HeartbeatWriter.EstimateBytes(new Heartbeat(0, "500", 1, Start, true, new string('m', 400)));
        var shortBytes = HeartbeatWriter.EstimateBytes(new Heartbeat(0, "200", 1, Start, false, "OK"));
        var stats = writer.Stats;
        Assert.True((3 * longBytes) + (4 * shortBytes) <= 3_800, "the seventh row was refused by the row bound alone");
        Assert.Equal((6L, (3 * longBytes) + (3 * shortBytes), 1_002L), (stats.Pending, stats.PendingBytes, stats.Dropped));

        // The first drop is said at once; the rest is held back for 10 s, then said with its count.
        var first = Assert.Single(log.Of("HeartbeatsDropped"));
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Contains("Dropped 1 heartbeats", first.Message, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(10));
        var reports = await Eventually.HoldsAsync(
            () => Task.FromResult(log.Of("HeartbeatsDropped")), entries => entries.Count == 2, "the held-back drops to be reported");
        Assert.Contains("Dropped 1001 heartbeats since the last report (1002 in all)", reports[1].Message, StringComparison.Ordinal);

        await server.StartAgainAsync();
        Assert.True(await writer.FlushAsync(FlushTimeout), $"the accepted rows were written; {writer.Stats}");
        await using var check = NpgsqlDataSource.Create(db.ConnectionString);
        Assert.Equal(new long[] { 1, 2, 3, 5, 6, 7 }, await IdsAsync(check));
        Assert.Equal((6L, 1_002L), (writer.Written, writer.Dropped));
    }

    [Fact]
    public async Task StopDrainsWhatIsBufferedAndWhatArrivesWhileDrainingOnceTheDatabaseIsBack()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var db = await TestDatabase.CreateAsync("writer_drain", server.ConnectionString());
        var monitor = Guid.NewGuid();
        await AddMonitorsAsync(db, [monitor]);
        await using var writerSource = NpgsqlDataSource.Create(db.ConnectionString);
        var log = new RecordingLogger<HeartbeatWriter>();
        await using var writer = NewWriter(writerSource, log);
        await writer.StartAsync();
        await server.StopAsync();

        for (var i = 1; i <= 100; i++)
        {
            Assert.True(writer.Enqueue(monitor, Row(monitor, i).Heartbeat));
        }

        var stopping = writer.StopAsync();
        for (var i = 101; i <= 150; i++)
        {
            Assert.True(writer.Enqueue(monitor, Row(monitor, i).Heartbeat), "accepted while draining");
        }

        Assert.False(stopping.IsCompleted, "the drain waits for the database");
        await server.StartAgainAsync();
        await stopping.WaitAsync(FlushTimeout);

        await using var check = NpgsqlDataSource.Create(db.ConnectionString);
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), await IdsAsync(check));
        var stopped = Assert.Single(log.Of("HeartbeatWriterStopped"));
        Assert.Equal(LogLevel.Information, stopped.Level);
        Assert.Contains("accepted 150, written 150, dropped 0, rejected 0, left unwritten 0", stopped.Message, StringComparison.Ordinal);

        Assert.False(writer.Enqueue(monitor, Row(monitor, 151).Heartbeat), "a stopped writer refuses rows");
        Assert.Equal(1L, writer.Dropped);
    }

    [Fact]
    public async Task StopGivesUpAfterTheDrainTimeoutAndSaysWhatIsLeft()
    {
        // Nothing listens on this port: every attempt fails at once, as with a database that stays down.
        await using var nowhere = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Timeout=2");
        var log = new RecordingLogger<HeartbeatWriter>();
        await using var writer = NewWriter(nowhere, log, o => o.DrainTimeout = TimeSpan.FromSeconds(1));
        await writer.StartAsync();
        var monitor = Guid.NewGuid();
        for (var i = 1; i <= 20; i++)
        {
            Assert.True(writer.Enqueue(monitor, Row(monitor, i).Heartbeat));
        }

        var watch = Stopwatch.StartNew();
        await writer.StopAsync().WaitAsync(FlushTimeout);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"bounded by the drain timeout ({watch.Elapsed})");
        var stopped = Assert.Single(log.Of("HeartbeatWriterStopped"));
        Assert.Equal(LogLevel.Error, stopped.Level);
        Assert.Contains("accepted 20, written 0, dropped 0, rejected 0, left unwritten 20", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(20L, writer.Pending);
    }

    private static HeartbeatWriter NewWriter(
        NpgsqlDataSource dataSource, RecordingLogger<HeartbeatWriter> log, Action<HeartbeatWriterOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new HeartbeatWriterOptions
        {
            FlushInterval = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        return new HeartbeatWriter(dataSource, Options.Create(options), time ?? TimeProvider.System, log);
    }

    /// <summary>A heartbeat with figures that vary with <paramref name="id"/>: some down, some in maintenance, over several buckets.</summary>
    private static (Guid MonitorId, Heartbeat Heartbeat) Row(Guid monitorId, long id) =>
        (monitorId, new Heartbeat(
            id,
            id % 7 == 0 ? "DOWN" : "200",
            (int)(10 + (id * 37 % 500)),
            Start.AddSeconds(id),
            id % 7 == 0,
            $"check {id}",
            id % 11 == 0));

    private static async Task AddMonitorsAsync(TestDatabase db, IEnumerable<Guid> monitorIds)
    {
        foreach (var monitorId in monitorIds)
        {
            await db.ExecuteAsync(
                "INSERT INTO om_monitors (monitor_id, workspace_id, monitor_type, name) VALUES ($1, $2, 'http', 'writer test')", monitorId, Guid.NewGuid());
        }
    }

    private static async Task<List<long>> IdsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM om_heartbeats ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static List<Rollup> ExpectedRollups(IEnumerable<(Guid MonitorId, Heartbeat Heartbeat)> rows) =>
        [.. rows
            .GroupBy(row => (row.MonitorId, Bucket: Bucket(row.Heartbeat.Date)))
            .Select(group =>
            {
                var up = group.Where(row => !row.Heartbeat.IsDown).Select(row => row.Heartbeat.Latency).ToList();
                return new Rollup(
                    group.Key.MonitorId,
                    group.Key.Bucket,
                    group.Count(),
                    up.Count,
                    up.Sum(latency => (long)latency),
                    up.Count == 0 ? 0 : up.Min(),
                    up.Count == 0 ? 0 : up.Max(),
                    group.Count(row => row.Heartbeat.InMaintenance),
                    group.Count(row => row.Heartbeat.InMaintenance && !row.Heartbeat.IsDown));
            })
            .OrderBy(rollup => rollup.MonitorId)
            .ThenBy(rollup => rollup.Bucket)];

    private static async Task<List<Rollup>> RollupsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max, maintenance_checks, maintenance_up_checks FROM om_rollups_5m");
        await using var reader = await command.ExecuteReaderAsync();
        var rollups = new List<Rollup>();
        while (await reader.ReadAsync())
        {
            rollups.Add(new Rollup(
                reader.GetGuid(0), new DateTimeOffset(reader.GetFieldValue<DateTime>(1)), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetInt64(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8)));
        }

        return [.. rollups.OrderBy(rollup => rollup.MonitorId).ThenBy(rollup => rollup.Bucket)];
    }

    private static DateTimeOffset Bucket(DateTimeOffset date) =>
        DateTimeOffset.UnixEpoch.AddTicks(
            (date - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.FromMinutes(5).Ticks * TimeSpan.FromMinutes(5).Ticks);

    private sealed record Rollup(
        Guid MonitorId, DateTimeOffset Bucket, int Checks, int UpChecks, long LatencySum, int LatencyMin, int LatencyMax, int MaintenanceChecks, int MaintenanceUpChecks);
}
