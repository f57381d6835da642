using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Diagnostics;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>
/// The per-silo sender of the outbox: a background loop claims due deliveries (every
/// <see cref="DeliveryOptions.PollInterval"/>, or at once when <see cref="Wake"/> is called or an attempt ends), sends
/// each over its channel and records what came of it.
/// <list type="bullet">
/// <item>At most <see cref="DeliveryOptions.Concurrency"/> attempts run at once, and at most
/// <see cref="DeliveryOptions.PerDestinationConcurrency"/> to one destination: the claim itself leaves the rows of a
/// saturated destination in the outbox (no attempt counted), so a slow or failing receiver holds its own slots only
/// and other destinations are claimed and sent meanwhile.</item>
/// <item>Each attempt is bounded by <see cref="DeliveryOptions.AttemptTimeout"/>; a channel that throws or times out
/// counts as a retryable failure. Sent, retried with back-off (<see cref="DeliveryBackoff"/>) while attempts remain,
/// or failed; a delivery whose channel has no sender here fails at once.</item>
/// <item>Every database call can fail: the loop logs (throttled), counts, backs off and goes on. A result that cannot
/// be recorded is retried until the lease is nearly over; then the row is left to be claimed again (sent again: the
/// receiver sees the same idempotency key).</item>
/// <item>It is a silo lifecycle participant at <see cref="ServiceLifecycleStage.Active"/>. Stopping claims nothing
/// more and lets attempts in flight finish for at most <see cref="DeliveryOptions.StopTimeout"/>; those still running
/// are abandoned and their rows, still sending, are claimed again by any silo once their lease has passed.</item>
/// </list>
/// </summary>
public sealed class DeliverySender : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan MaxFailureDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstRecordRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRecordRetryDelay = TimeSpan.FromSeconds(5);

    private static readonly EventId ClaimFailedEvent = new(1, "DeliveryClaimFailed");
    private static readonly EventId ClaimRecoveredEvent = new(2, "DeliveryClaimRecovered");
    private static readonly EventId RecordFailedEvent = new(3, "DeliveryRecordFailed");
    private static readonly EventId DeliveryFailedEvent = new(4, "DeliveryFailed");
    private static readonly EventId StoppedEvent = new(5, "DeliverySenderStopped");
    private static readonly EventId LoopFailedEvent = new(6, "DeliverySenderLoopFailed");

    private readonly DeliveryOutbox _outbox;
    private readonly IReadOnlyDictionary<ChannelKind, IAlertChannel> _channels;
    private readonly DeliveryOptions _options;
    private readonly DeliveryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliverySender> _logger;
    private readonly LogThrottle _claimLog;
    private readonly LogThrottle _recordLog;
    private readonly LogThrottle _failureLog;

    /// <summary>Ends claiming: the loop finishes, attempts in flight go on.</summary>
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Ends attempts in flight and their recording: their rows are left to their lease.</summary>
    private readonly CancellationTokenSource _abort = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _busy = new(StringComparer.Ordinal);
    private int _inFlight;
    private long _sent;
    private long _retried;
    private long _failed;
    private long _claimFailures;
    private long _recordFailures;
    private long _abandoned;
    private long _claims;
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _settled = NewSignal();
    private Task? _loop;
    private Task? _stop;

    public DeliverySender(
        DeliveryOutbox outbox,
        IEnumerable<IAlertChannel> channels,
        IOptions<DeliveryOptions> options,
        DeliveryBackoff backoff,
        TimeProvider time,
        ILogger<DeliverySender> logger)
    {
        _outbox = outbox;
        _channels = channels.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.First());
        _options = options.Value;
        _backoff = backoff;
        _time = time;
        _logger = logger;
        _claimLog = new LogThrottle(clock: time);
        _recordLog = new LogThrottle(clock: time);
        _failureLog = new LogThrottle(clock: time);
    }

    /// <summary>Deliveries this sender sent and recorded as sent.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Failed attempts this sender recorded for a retry.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Deliveries this sender recorded as failed for good.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Claims that ran (whether they found work or not).</summary>
    public long Claims => Interlocked.Read(ref _claims);

    /// <summary>Claims that failed (the database away, say).</summary>
    public long ClaimFailures => Interlocked.Read(ref _claimFailures);

    /// <summary>Results that could not be recorded at a try (each retried until the lease is nearly over).</summary>
    public long RecordFailures => Interlocked.Read(ref _recordFailures);

    /// <summary>Attempts left to their lease: cut by stopping, or their result never recorded.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Attempts running now.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DeliverySender), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Starts the background loop.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_stop is null)
            {
                _loop ??= Task.Run(RunAsync, CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Claims at once instead of at the next poll (call it after enqueueing deliveries that are due now).</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>
    /// Claims nothing more and waits for attempts in flight for at most <see cref="DeliveryOptions.StopTimeout"/> (or until
    /// <paramref name="cancellationToken"/> is cancelled); those still running then are abandoned to their lease.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopCoreAsync(_options.StopTimeout, cancellationToken);

    /// <summary>Stops at once when <see cref="StopAsync"/> has not run: attempts in flight are abandoned to their lease.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync(TimeSpan.Zero, CancellationToken.None);
        _stopping.Dispose();
        _abort.Dispose();
    }

    /// <summary>Like <see cref="DisposeAsync"/>, without waiting for the loop and the attempts to end.</summary>
    public void Dispose() => _ = StopCoreAsync(TimeSpan.Zero, CancellationToken.None);

    private Task StopCoreAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        Task stop;
        bool first;
        lock (_gate)
        {
            first = _stop is null;
            stop = _stop ??= Task.Run(() => DrainAsync(grace, cancellationToken), CancellationToken.None);
        }

        if (first)
        {
            // Before returning: nothing is claimed once stopping has been asked for.
            _stopping.Cancel();
        }

        return stop;
    }

    private async Task DrainAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is { } loop)
        {
            await loop;
        }

        var finished = await WaitSettledAsync(grace, cancellationToken);
        if (!finished)
        {
            await _abort.CancelAsync();
            await WaitSettledAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }

        _logger.Log(
            finished ? LogLevel.Information : LogLevel.Warning,
            StoppedEvent,
            "Delivery sender stopped: sent {Sent}, retried {Retried}, failed {Failed}, claim failures {ClaimFailures}, abandoned to their lease {Abandoned}, still running {InFlight}",
            Sent, Retried, Failed, ClaimFailures, Abandoned, InFlight);
    }

    /// <summary>Waits until no attempt is in flight; false when <paramref name="timeout"/> passes (or the token is cancelled) first.</summary>
    private async Task<bool> WaitSettledAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            var settled = Volatile.Read(ref _settled);
            if (InFlight == 0)
            {
                return true;
            }

            try
            {
                await settled.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                return InFlight == 0;
            }
        }
    }

    private async Task RunAsync()
    {
        var failureDelay = TimeSpan.Zero;
        var failuresInARow = 0L;
        while (!_stopping.IsCancellationRequested)
        {
            var wake = NewSignal();
            Volatile.Write(ref _wake, wake);
            var again = false;
            try
            {
                int free;
                Dictionary<string, int> busy;
                lock (_gate)
                {
                    free = _options.Concurrency - _inFlight;
                    busy = new Dictionary<string, int>(_busy, StringComparer.Ordinal);
                }

                if (free > 0)
                {
                    var leaseEnd = _time.GetUtcNow() + _options.Lease; // no later than the lease the claim records
                    var claimed = await _outbox.ClaimDueAsync(
                        Math.Min(free, _options.ClaimBatch), _options.Lease, _options.PerDestinationConcurrency, busy, _stopping.Token);
                    if (failuresInARow > 0)
                    {
                        _logger.LogInformation(ClaimRecoveredEvent, "Deliveries are claimed again after {Failures} failed claims", failuresInARow);
                    }

                    Interlocked.Increment(ref _claims);
                    failureDelay = TimeSpan.Zero;
                    failuresInARow = 0;
                    foreach (var delivery in claimed)
                    {
                        Start(delivery, leaseEnd);
                    }

                    again = claimed.Count > 0 && claimed.Count < free;
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _claimFailures);
                failuresInARow++;
                failureDelay = failureDelay == TimeSpan.Zero
                    ? _options.PollInterval
                    : TimeSpan.FromTicks(Math.Min(failureDelay.Ticks * 2, Math.Max(MaxFailureDelay.Ticks, _options.PollInterval.Ticks)));
                if (_claimLog.Allow(out var heldBack))
                {
                    _logger.LogWarning(
                        ClaimFailedEvent, "Claiming due deliveries failed ({Failures} in a row, {HeldBack} not logged); next try in {Delay}: {Error}",
                        failuresInARow, heldBack, failureDelay, HeartbeatWriteErrors.Describe(ex));
                }
            }

            if (again)
            {
                continue;
            }

            try
            {
                await WaitAsync(failureDelay > TimeSpan.Zero ? failureDelay : _options.PollInterval, failureDelay > TimeSpan.Zero ? null : wake.Task);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogError(LoopFailedEvent, ex, "Delivery sender loop failed to wait; going on");
            }
        }
    }

    /// <summary>Waits <paramref name="delay"/> on the clock, or until <paramref name="wake"/> completes.</summary>
    private async Task WaitAsync(TimeSpan delay, Task? wake)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var timer = Task.Delay(delay, _time, cancel.Token);
        if (wake is not null)
        {
            await Task.WhenAny(timer, wake);
            await cancel.CancelAsync();
            _stopping.Token.ThrowIfCancellationRequested();
        }
        else
        {
            await timer;
        }
    }

    private void Start(AlertDelivery delivery, DateTimeOffset leaseEnd)
    {
        lock (_gate)
        {
            _inFlight++;
            _busy[delivery.Destination] = _busy.GetValueOrDefault(delivery.Destination) + 1;
        }

        _ = Task.Run(() => DeliverAsync(delivery, leaseEnd), CancellationToken.None);
    }

    private async Task DeliverAsync(AlertDelivery delivery, DateTimeOffset leaseEnd)
    {
        try
        {
            var result = await AttemptAsync(delivery);
            if (result is null)
            {
                Interlocked.Increment(ref _abandoned);
                return;
            }

            await RecordAsync(delivery, result.Value.Result, result.Value.Final, leaseEnd);
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _abandoned);
            _logger.LogError(LoopFailedEvent, ex, "Delivery {DeliveryId} ended unexpectedly; it is left to its lease", delivery.Id);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
                var left = _busy[delivery.Destination] - 1;
                if (left == 0)
                {
                    _busy.Remove(delivery.Destination);
                }
                else
                {
                    _busy[delivery.Destination] = left;
                }
            }

            Interlocked.Exchange(ref _settled, NewSignal()).TrySetResult();
            Wake();
        }
    }

    /// <summary>One attempt: its result and whether a failure is final; null when the attempt was cut by stopping.</summary>
    private async Task<(ChannelResult Result, bool Final)?> AttemptAsync(AlertDelivery delivery)
    {
        if (!_channels.TryGetValue(delivery.Channel, out var channel))
        {
            return (ChannelResult.Failed(null, $"No sender for channel {delivery.Channel} on this silo", retryable: false, 0), true);
        }

        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _abort.Token);
        var started = _time.GetTimestamp();
        ChannelResult result;
        try
        {
            // WaitAsync bounds a channel that does not honour its token as well.
            result = await channel.SendAsync(delivery, attempt.Token).WaitAsync(attempt.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result = ChannelResult.Failed(null, $"No answer within {_options.AttemptTimeout.TotalSeconds:0.###} s", retryable: true, ElapsedMs(started));
        }
        catch (Exception ex)
        {
            result = ChannelResult.Failed(null, $"{ex.GetType().Name}: {ex.Message}", retryable: true, ElapsedMs(started));
        }

        return (result, !result.Succeeded && (!result.Retryable || delivery.Attempt >= _options.MaxAttempts));
    }

    /// <summary>Records the result, retrying a failed write until the lease is nearly over.</summary>
    private async Task RecordAsync(AlertDelivery delivery, ChannelResult result, bool final, DateTimeOffset leaseEnd)
    {
        var delay = FirstRecordRetryDelay;
        while (true)
        {
            try
            {
                if (result.Succeeded)
                {
                    if (await _outbox.CompleteAsync(delivery, result, _abort.Token))
                    {
                        Interlocked.Increment(ref _sent);
                    }
                }
                else if (final)
                {
                    if (await _outbox.FailAsync(delivery, result, _abort.Token))
                    {
                        Interlocked.Increment(ref _failed);
                        if (_failureLog.Allow(out var heldBack))
                        {
                            _logger.LogWarning(
                                DeliveryFailedEvent,
                                "Delivery {DeliveryId} over {Channel} failed for good after {Attempts} attempts ({HeldBack} not logged): {StatusCode} {Error}",
                                delivery.Id, delivery.Channel, delivery.Attempt, heldBack, result.StatusCode, HeartbeatWriteErrors.SingleLine(result.Error, 200));
                        }
                    }
                }
                else
                {
                    var next = _time.GetUtcNow() + _backoff.Delay(delivery.Attempt);
                    if (await _outbox.RetryAsync(delivery, result, next, _abort.Token))
                    {
                        Interlocked.Increment(ref _retried);
                    }
                }

                return;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                Interlocked.Increment(ref _abandoned);
                return;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _recordFailures);
                var giveUp = _time.GetUtcNow() + delay >= leaseEnd;
                if (_recordLog.Allow(out var heldBack))
                {
                    _logger.LogWarning(
                        RecordFailedEvent,
                        "The result of delivery {DeliveryId} could not be recorded ({HeldBack} not logged); {Next}: {Error}",
                        delivery.Id, heldBack, giveUp ? "left to its lease" : $"retrying in {delay}", HeartbeatWriteErrors.Describe(ex));
                }

                if (giveUp)
                {
                    Interlocked.Increment(ref _abandoned);
                    return;
                }

                try
                {
                    await Task.Delay(delay, _time, _abort.Token);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _abandoned);
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRecordRetryDelay.Ticks));
            }
        }
    }

    private int ElapsedMs(long started) => (int)Math.Min(int.MaxValue, _time.GetElapsedTime(started).TotalMilliseconds);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
