using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.GrainInterfaces.Silos;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// The per-silo writer of heartbeats: grains hand rows over without waiting, and a background loop writes them to
/// PostgreSQL in batches (binary COPY into a staging table, then into <c>om_heartbeats</c> and <c>om_rollups_5m</c> in
/// one transaction).
/// <list type="bullet">
/// <item>The buffer is bounded by rows and by estimated bytes; a row that does not fit is refused at once, counted and
/// logged (one warning per 10 s at most, with the count since the last one). <see cref="Enqueue"/> never blocks.</item>
/// <item>A batch the database rejects for its content (<see cref="HeartbeatWriteErrors"/>) is split in halves until the
/// offending rows are found; those alone are logged and counted as rejected, the rest lands exactly once.</item>
/// <item>Any other failure keeps the batch and retries it whole, with exponential back-off and jitter, while new rows
/// wait in the buffer. Repeats are harmless: the staging table and <c>ON CONFLICT DO NOTHING</c> make a batch that did
/// land (an acknowledgement lost with the connection) land once, and roll-ups add only the rows actually inserted.</item>
/// <item>Text is stored as given, except a message longer than <see cref="StoredText.MessageMaxLength"/>, which is cut
/// at <see cref="Enqueue"/> (by <see cref="StoredText.Clean"/>, so what is kept is valid text). A NUL or a lone
/// surrogate in a shorter message is refused by PostgreSQL or the driver and that row alone is rejected.</item>
/// <item>It is a silo lifecycle participant at <see cref="ServiceLifecycleStage.ApplicationServices"/>: the silo stops
/// it after <see cref="ServiceLifecycleStage.BecomeActive"/> has deactivated every grain, so rows grains produce while
/// deactivating are written. Stopping drains the buffer (still accepting rows) for at most
/// <see cref="HeartbeatWriterOptions.DrainTimeout"/> and logs the final figures.</item>
/// </list>
/// </summary>
public sealed class HeartbeatWriter : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    /// <summary>Estimated bytes of a row besides its text: the row, the heartbeat object, the buffer's slot.</summary>
    public const int RowOverheadBytes = 160;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);

    private static readonly EventId OverflowEvent = new(1, "HeartbeatsDropped");
    private static readonly EventId RejectedEvent = new(2, "HeartbeatRejected");
    private static readonly EventId WriteFailedEvent = new(3, "HeartbeatWriteFailed");
    private static readonly EventId RecoveredEvent = new(4, "HeartbeatWriteRecovered");
    private static readonly EventId StoppedEvent = new(5, "HeartbeatWriterStopped");

    private readonly Channel<HeartbeatRow> _rows = Channel.CreateUnbounded<HeartbeatRow>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly HeartbeatWriterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HeartbeatWriter> _logger;

    /// <summary>Ends waiting for rows: the loop writes what it has at once and finishes when the buffer is empty.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Ends everything, the write in progress included: the drain timed out or the silo is being killed.</summary>
    private readonly CancellationTokenSource _abort = new();

    private readonly Lock _gate = new();
    private long _accepted;
    private long _pendingRows;
    private long _pendingBytes;
    private long _written;
    private long _dropped;
    private long _rejected;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private DateTimeOffset? _unreachableSince;
    private long _droppedReported;
    private DateTimeOffset? _lastDropReport;
    private bool _closed;

    private TaskCompletionSource _progress = NewSignal();
    private Task? _loop;
    private Task? _stop;

    public HeartbeatWriter(NpgsqlDataSource dataSource, IOptions<HeartbeatWriterOptions> options, TimeProvider time, ILogger<HeartbeatWriter> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _time = time;
        _logger = logger;
        LatencyHours = new LatencyHourBuffer(_options.Capacity);
    }

    /// <summary>Hourly latency histograms waiting to be written (one per monitor and hour).</summary>
    public LatencyHourBuffer LatencyHours { get; }

    /// <summary>Rows whose batch was committed.</summary>
    public long Written
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    /// <summary>Rows refused by <see cref="Enqueue"/> (buffer full, or the writer stopped).</summary>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Rows the database refused for their content.</summary>
    public long Rejected
    {
        get
        {
            lock (_gate)
            {
                return _rejected;
            }
        }
    }

    /// <summary>Rows accepted but not yet written or rejected.</summary>
    public long Pending
    {
        get
        {
            lock (_gate)
            {
                return _pendingRows;
            }
        }
    }

    /// <summary>Estimated bytes of the pending rows.</summary>
    public long PendingBytes
    {
        get
        {
            lock (_gate)
            {
                return _pendingBytes;
            }
        }
    }

    /// <summary>All figures at once, consistent with each other.</summary>
    public HeartbeatWriterStats Stats
    {
        get
        {
            lock (_gate)
            {
                return Snapshot();
            }
        }
    }

    /// <summary>The estimate of memory a buffered heartbeat holds, which <see cref="HeartbeatWriterOptions.CapacityBytes"/> bounds.</summary>
    public static long EstimateBytes(Heartbeat heartbeat) =>
        RowOverheadBytes + (2L * ((heartbeat.Message?.Length ?? 0) + (heartbeat.Status?.Length ?? 0)));

    /// <summary>
    /// Queues a row without waiting; false (counted as dropped, and logged at most every 10 s) when the buffer is full
    /// by rows or bytes, or the writer has stopped.
    /// </summary>
    public bool Enqueue(Guid monitorId, Heartbeat heartbeat)
    {
        if (heartbeat.Message is { Length: > StoredText.MessageMaxLength } message)
        {
            heartbeat = heartbeat with { Message = StoredText.Clean(message) };
        }

        var bytes = EstimateBytes(heartbeat);
        lock (_gate)
        {
            // TryWrite fails only once the writer has finished draining: nothing would ever write the row.
            if (_pendingRows < _options.Capacity && _pendingBytes + bytes <= _options.CapacityBytes
                && _rows.Writer.TryWrite(new HeartbeatRow(monitorId, heartbeat)))
            {
                _accepted++;
                _pendingRows++;
                _pendingBytes += bytes;
                return true;
            }

            _dropped++;
        }

        ReportDrops();
        return false;
    }

    /// <summary>
    /// Waits until every row accepted before this call is written or rejected; false when the timeout passes first.
    /// </summary>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        long target;
        lock (_gate)
        {
            target = _accepted;
        }

        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var progress = Volatile.Read(ref _progress);
            lock (_gate)
            {
                if (_written + _rejected >= target)
                {
                    return true;
                }
            }

            try
            {
                await progress.Task.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                lock (_gate)
                {
                    return _written + _rejected >= target;
                }
            }
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(HeartbeatWriter), ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    /// <summary>Starts the background loop (rows enqueued before wait in the buffer).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes everything buffered, rows enqueued meanwhile included, retrying as usual, for at most
    /// <see cref="HeartbeatWriterOptions.DrainTimeout"/> (or until <paramref name="cancellationToken"/> is cancelled: the
    /// silo is being stopped ungracefully); then refuses new rows and logs the final figures.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopCoreAsync(_options.DrainTimeout, cancellationToken);

    /// <summary>Stops at once when <see cref="StopAsync"/> has not run: what is pending is left (and said so).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync(TimeSpan.Zero, CancellationToken.None);
        _stopping.Dispose();
        _abort.Dispose();
    }

    /// <summary>Like <see cref="DisposeAsync"/>, without waiting for the loop to end.</summary>
    public void Dispose() => _ = StopCoreAsync(TimeSpan.Zero, CancellationToken.None);

    private Task StopCoreAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stop ??= Task.Run(() => DrainAsync(drainTimeout, cancellationToken), CancellationToken.None);
        }
    }

    private async Task DrainAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        await StartAsync(CancellationToken.None);
        _abort.CancelAfter(drainTimeout);
        await using (cancellationToken.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort))
        {
            await _stopping.CancelAsync();
            await _loop!;
        }

        var stats = Stats;
        _logger.Log(
            stats.Pending == 0 ? LogLevel.Information : LogLevel.Error,
            StoppedEvent,
            "Heartbeat writer stopped after draining for {Elapsed}: accepted {Accepted}, written {Written}, dropped {Dropped}, rejected {Rejected}, left unwritten {Unwritten}",
            _time.GetElapsedTime(started), stats.Accepted, stats.Written, stats.Dropped, stats.Rejected, stats.Pending);
    }

    private async Task RunAsync()
    {
        var batch = new List<HeartbeatRow>(_options.BatchSize);
        try
        {
            while (await NextBatchAsync(batch))
            {
                await WriteAsync(batch, 0, batch.Count);
                batch.Clear();
                ReportDrops();
                await WriteLatencyHoursAsync(retry: false);
            }

            await WriteLatencyHoursAsync(retry: true);
        }
        catch (Exception) when (_abort.IsCancellationRequested)
        {
            // Drain timed out, or the silo is being killed: what is left is reported by DrainAsync.
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "Heartbeat writer loop failed; {Pending} heartbeats are not written", Pending);
        }
        finally
        {
            Close();
        }
    }

    /// <summary>
    /// Fills <paramref name="batch"/>: up to <see cref="HeartbeatWriterOptions.BatchSize"/> rows, waiting at most
    /// <see cref="HeartbeatWriterOptions.FlushInterval"/> for more once the first is there (not at all while stopping).
    /// False when stopping and nothing is left.
    /// </summary>
    private async Task<bool> NextBatchAsync(List<HeartbeatRow> batch)
    {
        var reader = _rows.Reader;
        while (!reader.TryPeek(out _))
        {
            if (_stopping.IsCancellationRequested)
            {
                // Drained: from now on rows are refused; take those that came in before the door closed.
                Close();
                if (!reader.TryPeek(out _))
                {
                    return false;
                }

                break;
            }

            try
            {
                await reader.WaitToReadAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
        }

        using var window = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        window.CancelAfter(_options.FlushInterval);
        while (true)
        {
            while (batch.Count < _options.BatchSize && reader.TryRead(out var row))
            {
                batch.Add(row);
            }

            if (batch.Count >= _options.BatchSize || window.IsCancellationRequested)
            {
                return true;
            }

            try
            {
                if (!await reader.WaitToReadAsync(window.Token))
                {
                    return true;
                }
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> rows of <paramref name="batch"/> from <paramref name="offset"/>: retried whole
    /// until the database answers, split in halves on a content error, a single row rejected.
    /// </summary>
    private async Task WriteAsync(List<HeartbeatRow> batch, int offset, int count)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await CopyAsync(batch, offset, count, _abort.Token);
                Reached();
                Settle(batch, offset, count, rejected: false);
                return;
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested && HeartbeatWriteErrors.IsContent(ex))
            {
                var error = NoteError(ex, unreachable: false, out _);
                Reached();
                if (count == 1)
                {
                    var (monitorId, heartbeat) = batch[offset];
                    _logger.LogError(
                        RejectedEvent,
                        "Heartbeat {HeartbeatId} of monitor {MonitorId} rejected for its content and dropped: {Error}; message starts \"{Excerpt}\"",
                        heartbeat.Id, monitorId, error, HeartbeatWriteErrors.SingleLine(heartbeat.Message, 40));
                    Settle(batch, offset, 1, rejected: true);
                    return;
                }

                var half = count / 2;
                await WriteAsync(batch, offset, half);
                await WriteAsync(batch, offset + half, count - half);
                return;
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested)
            {
                var error = NoteError(ex, unreachable: true, out var first);
                var wait = delay * (0.5 + (Random.Shared.NextDouble() / 2));
                _logger.LogWarning(
                    WriteFailedEvent,
                    first ? ex : null,
                    "Writing {Count} heartbeats failed ({Error}); retrying in {Delay} with {Pending} heartbeats buffered",
                    count, error, wait, Pending);
                ReportDrops();
                await Task.Delay(wait, _abort.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// Writes the waiting hourly latency histograms. Between heartbeat batches a failure only waits for the next turn;
    /// on the way out (<paramref name="retry"/>) it is retried like a heartbeat batch until the drain ends.
    /// </summary>
    private async Task WriteLatencyHoursAsync(bool retry)
    {
        var delay = FirstRetryDelay;
        while (LatencyHours.Count > 0)
        {
            try
            {
                await LatencyHours.WriteAsync(_dataSource, _abort.Token);
                return;
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested)
            {
                var error = NoteError(ex, unreachable: true, out _);
                if (!retry)
                {
                    _logger.LogDebug(ex, "Writing {Count} latency histograms failed ({Error}); they wait for the next batch", LatencyHours.Count, error);
                    return;
                }

                await Task.Delay(delay, _abort.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task CopyAsync(List<HeartbeatRow> batch, int offset, int count, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // COPY into a temporary staging table so a retried batch (or a repeated id) never fails on the primary key,
        // and rows of a monitor deleted while they waited are not written.
        await using (var stage = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS om_heartbeats_stage (LIKE om_heartbeats INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY om_heartbeats_stage (monitor_id, id, checked_at, status, latency_ms, is_down, message, in_maintenance) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var index = offset; index < offset + count; index++)
            {
                var (monitorId, heartbeat) = batch[index];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(monitorId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(heartbeat.Id, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(heartbeat.Date.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(heartbeat.Status, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(heartbeat.Latency, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(heartbeat.IsDown, NpgsqlDbType.Boolean, cancellationToken);
                await importer.WriteAsync(heartbeat.Message, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(heartbeat.InMaintenance, NpgsqlDbType.Boolean, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await HeartbeatWriteFence.HoldSharedAsync(connection, transaction, cancellationToken); // a delete waits for this batch

        // Rows actually inserted (not repeats of a retried batch) are added to the five-minute roll-ups in the same
        // transaction, so roll-ups and raw heartbeats never disagree.
        await using (var move = new NpgsqlCommand(
            """
            WITH inserted AS (
                INSERT INTO om_heartbeats
                SELECT s.* FROM om_heartbeats_stage s
                WHERE EXISTS (SELECT 1 FROM om_monitors m WHERE m.monitor_id = s.monitor_id)
                ON CONFLICT (monitor_id, id) DO NOTHING
                RETURNING monitor_id, checked_at, latency_ms, is_down, in_maintenance)
            INSERT INTO om_rollups_5m AS r (monitor_id, bucket, checks, up_checks, latency_sum, latency_min, latency_max, maintenance_checks, maintenance_up_checks, latency_sum_all)
            SELECT monitor_id, date_bin('5 minutes', checked_at, TIMESTAMPTZ 'epoch'), count(*), count(*) FILTER (WHERE NOT is_down),
                   coalesce(sum(latency_ms) FILTER (WHERE NOT is_down), 0),
                   coalesce(min(latency_ms) FILTER (WHERE NOT is_down), 0),
                   coalesce(max(latency_ms) FILTER (WHERE NOT is_down), 0),
                   count(*) FILTER (WHERE in_maintenance), count(*) FILTER (WHERE in_maintenance AND NOT is_down),
                   coalesce(sum(latency_ms), 0)
            FROM inserted GROUP BY 1, 2
            ON CONFLICT (monitor_id, bucket) DO UPDATE SET
                checks = r.checks + EXCLUDED.checks,
                up_checks = r.up_checks + EXCLUDED.up_checks,
                latency_sum = r.latency_sum + EXCLUDED.latency_sum,
                latency_min = CASE WHEN r.up_checks = 0 THEN EXCLUDED.latency_min WHEN EXCLUDED.up_checks = 0 THEN r.latency_min
                                   ELSE least(r.latency_min, EXCLUDED.latency_min) END,
                latency_max = greatest(r.latency_max, EXCLUDED.latency_max),
                maintenance_checks = r.maintenance_checks + EXCLUDED.maintenance_checks,
                maintenance_up_checks = r.maintenance_up_checks + EXCLUDED.maintenance_up_checks,
                latency_sum_all = r.latency_sum_all + EXCLUDED.latency_sum_all
            """, connection, transaction))
        {
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rows done with (written, or one rejected): out of the buffer, counted, waiters woken.</summary>
    private void Settle(List<HeartbeatRow> batch, int offset, int count, bool rejected)
    {
        long bytes = 0;
        for (var index = offset; index < offset + count; index++)
        {
            bytes += EstimateBytes(batch[index].Heartbeat);
        }

        lock (_gate)
        {
            _pendingRows -= count;
            _pendingBytes -= bytes;
            if (rejected)
            {
                _rejected += count;
            }
            else
            {
                _written += count;
            }
        }

        Interlocked.Exchange(ref _progress, NewSignal()).TrySetResult();
    }

    /// <summary>The database answered: ends a run of failures (and says so).</summary>
    private void Reached()
    {
        DateTimeOffset? since;
        long pending;
        lock (_gate)
        {
            since = _unreachableSince;
            _unreachableSince = null;
            pending = _pendingRows;
        }

        if (since is { } start)
        {
            _logger.LogInformation(
                RecoveredEvent, "Heartbeats are written again after {Duration} of failures; {Pending} heartbeats buffered", _time.GetUtcNow() - start, pending);
        }
    }

    /// <summary>
    /// Records <paramref name="exception"/> as the last error (and, when <paramref name="unreachable"/>, the start of a
    /// run of failures: <paramref name="first"/>); returns its short description.
    /// </summary>
    private string NoteError(Exception exception, bool unreachable, out bool first)
    {
        var error = HeartbeatWriteErrors.Describe(exception);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _lastError = error;
            _lastErrorAt = now;
            first = unreachable && _unreachableSince is null;
            if (first)
            {
                _unreachableSince = now;
            }
        }

        return error;
    }

    /// <summary>Logs the rows dropped since the last report, at most once per 10 s.</summary>
    private void ReportDrops()
    {
        var now = _time.GetUtcNow();
        long count;
        bool closed;
        HeartbeatWriterStats stats;
        lock (_gate)
        {
            count = _dropped - _droppedReported;
            if (count == 0 || (_lastDropReport is { } last && now - last < DropReportInterval))
            {
                return;
            }

            _droppedReported = _dropped;
            _lastDropReport = now;
            closed = _closed;
            stats = Snapshot();
        }

        _logger.LogWarning(
            OverflowEvent,
            "Dropped {Count} heartbeats since the last report ({Total} in all): {Reason}; buffered {Pending} of {Capacity} rows, {PendingBytes} of {CapacityBytes} bytes",
            count, stats.Dropped, closed ? "the writer has stopped" : "the buffer is full",
            stats.Pending, _options.Capacity, stats.PendingBytes, _options.CapacityBytes);
    }

    /// <summary>Refuses rows from now on (those already in the buffer can still be read).</summary>
    private void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }

        _rows.Writer.TryComplete();
    }

    /// <summary>The figures; call with <see cref="_gate"/> held.</summary>
    private HeartbeatWriterStats Snapshot() => new(
        _accepted, _pendingRows, _pendingBytes, _written, _dropped, _rejected,
        _unreachableSince is not null, _unreachableSince, _lastError, _lastErrorAt);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
