using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Metrics;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// One monitor. A reminder guarantees re-activation after restarts and silo loss; while active, a kept-alive grain timer
/// re-armed for each planned start runs the probe. Results feed the in-memory figures and the outage detector, go to
/// the per-silo heartbeat writer without waiting, and state transitions open or resolve incidents.
/// </summary>
[GrainType("monitor")]
public sealed class MonitorGrain(
    [PersistentState("monitor", StorageNames.Monitors)] IPersistentState<MonitorState> state,
    ProbeCatalog probes,
    HeartbeatWriter writer,
    HeartbeatHistory history,
    IncidentLog incidents,
    MonitorDirectory directory,
    SchedulingStats schedulingStats,
    TimeProvider time,
    IOptions<MonitorOptions> options,
    ILogger<MonitorGrain> logger) : Grain, IMonitorGrain, IRemindable
{
    internal const string ReminderName = "probe-schedule";
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly MonitorOptions _options = options.Value;
    private IGrainTimer? _timer;
    private DateTimeOffset _plannedStart;
    private DateTimeOffset? _lastCheck;
    private long _lastHeartbeatId;
    private RecentHeartbeats _recent = new(options.Value.RecentHeartbeats);
    private RollupSeries _rollups = new();
    private LatencyWindow _latency = new();
    private OutageDetector _outage = new(options.Value.FailuresBeforeDown, false);
    private ProbeRequest? _request;

    private Guid MonitorId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists)
        {
            return;
        }

        _outage = new OutageDetector(_options.FailuresBeforeDown, state.State.IsDown);
        await RebuildFromHistoryAsync(cancellationToken);
        Arm(ProbeSchedule.NextStart(MonitorId, IntervalOf(state.State.Config!), time.GetUtcNow()));
    }

    public async Task<MonitorOutcome> CreateAsync(Guid workspaceId, string ownerEmail, MonitorConfig config)
    {
        if (state.State.Exists)
        {
            // Creation is keyed by a fresh id; a repeat for the same workspace is an idempotent replay.
            return state.State.WorkspaceId == workspaceId ? MonitorOutcome.Of(Snapshot()) : MonitorOutcome.Missing;
        }

        if (!MonitorConfigRules.TryNormalize(config, out var normalized, out var errors))
        {
            DeactivateOnIdle();
            return MonitorOutcome.Invalid(errors);
        }

        await directory.UpsertAsync(MonitorId, workspaceId, normalized.Type, normalized.Name);
        state.State.Exists = true;
        state.State.WorkspaceId = workspaceId;
        state.State.OwnerEmail = ownerEmail;
        state.State.Config = normalized;
        state.State.CreatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, _options.ReminderPeriod, _options.ReminderPeriod);

        _request = null;
        Arm(ProbeSchedule.NextStart(MonitorId, IntervalOf(normalized), time.GetUtcNow()));
        return MonitorOutcome.Of(Snapshot());
    }

    public async Task<MonitorOutcome> UpdateAsync(Guid workspaceId, MonitorConfig config)
    {
        if (!BelongsTo(workspaceId))
        {
            return MonitorOutcome.Missing;
        }

        if (!MonitorConfigRules.TryNormalize(config, out var normalized, out var errors))
        {
            return MonitorOutcome.Invalid(errors);
        }

        if (normalized.Url != state.State.Config?.Url || normalized.Type != MonitorType.Http)
        {
            state.State.Certificate = null;
        }

        state.State.Config = normalized;

        await directory.UpsertAsync(MonitorId, workspaceId, normalized.Type, normalized.Name);
        await state.WriteStateAsync();
        _request = null;
        Arm(ProbeSchedule.NextStart(MonitorId, IntervalOf(normalized), time.GetUtcNow()));
        return MonitorOutcome.Of(Snapshot());
    }

    public async Task<bool> DeleteAsync(Guid workspaceId)
    {
        if (!BelongsTo(workspaceId))
        {
            return false;
        }

        _timer?.Dispose();
        _timer = null;
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        // The index row goes first: the heartbeat writer drops rows of monitors that are no longer indexed.
        await directory.RemoveAsync(MonitorId);
        await history.DeleteMonitorAsync(MonitorId);
        await incidents.DeleteMonitorAsync(MonitorId);
        await state.ClearStateAsync();
        state.State = new MonitorState();
        DeactivateOnIdle();
        return true;
    }

    public Task<MonitorSnapshot?> GetAsync(Guid workspaceId) =>
        Task.FromResult(BelongsTo(workspaceId) ? Snapshot() : null);

    public async Task<IReadOnlyList<Heartbeat>?> GetHeartbeatsAsync(Guid workspaceId, HeartbeatRange range)
    {
        if (!BelongsTo(workspaceId))
        {
            return null;
        }

        var now = time.GetUtcNow();
        return range switch
        {
            HeartbeatRange.Latest => _recent.Newest is { } newest ? [newest] : [],
            HeartbeatRange.Day => (await history.SinceAsync(MonitorId, now - Day)).Reverse().ToArray(),
            HeartbeatRange.Week => await history.ClosestToEveryFiveMinutesAsync(MonitorId, now - TimeSpan.FromDays(7)),
            _ => await history.ClosestToEveryFiveMinutesAsync(MonitorId, now - TimeSpan.FromDays(30)),
        };
    }

    public Task EnsureScheduledAsync() => Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.Exists)
        {
            // A reminder that outlived its monitor (e.g. a delete interrupted half-way): clean it up.
            var stale = await this.GetReminder(reminderName);
            if (stale is not null)
            {
                await this.UnregisterReminder(stale);
            }

            DeactivateOnIdle();
        }

        // Otherwise activation has armed the timer already; nothing else to do.
    }

    private async Task OnProbeDueAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists || state.State.Config is not { } config)
        {
            return;
        }

        var started = time.GetUtcNow();
        schedulingStats.Record(started - _plannedStart);
        _request ??= BuildRequest(config);
        ProbeResult result;
        try
        {
            result = await probes.For(config.Type).RunAsync(_request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Probe of monitor {MonitorId} threw", MonitorId);
            result = new ProbeResult(false, "ERROR", 0, "Probe failed: " + ex.Message);
        }

        if (!state.State.Exists)
        {
            return; // deleted while the probe ran
        }

        var heartbeat = Record(started, result);
        var verdict = _outage.Observe(result.IsUp);
        var stateChanged = await ApplyAsync(verdict, heartbeat, result);
        if (stateChanged)
        {
            await state.WriteStateAsync();
        }

        // Timers may fire a little early: plan from the later of now and the planned start, so the same grid point
        // is never probed twice.
        var now = time.GetUtcNow();
        var next = verdict == ProbeVerdict.Retry
            ? now + Scaled(config.RetryInterval)
            : ProbeSchedule.NextStart(MonitorId, IntervalOf(config), now > _plannedStart ? now : _plannedStart);
        Arm(next);
    }

    private Heartbeat Record(DateTimeOffset started, ProbeResult result)
    {
        _lastHeartbeatId = Math.Max(_lastHeartbeatId + 1, started.ToUnixTimeMilliseconds());
        var heartbeat = new Heartbeat(
            _lastHeartbeatId,
            string.Intern(result.Status),
            result.LatencyMs,
            started,
            !result.IsUp,
            result.Message.Length <= 64 ? string.Intern(result.Message) : result.Message);
        _lastCheck = started;
        Observe(heartbeat);
        writer.Enqueue(MonitorId, heartbeat);
        return heartbeat;
    }

    private void Observe(Heartbeat heartbeat)
    {
        _recent.Add(heartbeat);
        _rollups.Record(heartbeat.Date, !heartbeat.IsDown, heartbeat.Latency);
        if (!heartbeat.IsDown)
        {
            _latency.Record(heartbeat.Date, heartbeat.Latency);
        }
    }

    private async Task<bool> ApplyAsync(ProbeVerdict verdict, Heartbeat heartbeat, ProbeResult result)
    {
        var changed = false;
        if (result.Certificate is { } certificate
            && (state.State.Certificate is not { } known || known.IsValid != certificate.IsValid || known.ValidTill != certificate.ValidTill || known.DaysRemaining != certificate.DaysRemaining))
        {
            state.State.Certificate = certificate;
            changed = true;
        }
        else if (result.Certificate is not null)
        {
            state.State.Certificate = result.Certificate;
        }

        switch (verdict)
        {
            case ProbeVerdict.WentDown:
                state.State.IsDown = true;
                state.State.OpenIncidentId = await incidents.OpenAsync(MonitorId, state.State.WorkspaceId, heartbeat.Date, heartbeat.Message);
                logger.LogInformation("Monitor {MonitorId} is down: {Cause}", MonitorId, heartbeat.Message);
                return true;
            case ProbeVerdict.WentUp:
                state.State.IsDown = false;
                if (state.State.OpenIncidentId is { } open)
                {
                    await incidents.ResolveAsync(open, heartbeat.Date, heartbeat.Message);
                }

                state.State.OpenIncidentId = null;
                logger.LogInformation("Monitor {MonitorId} is up again", MonitorId);
                return true;
            default:
                return changed;
        }
    }

    private void Arm(DateTimeOffset plannedStart)
    {
        _plannedStart = plannedStart;
        var due = plannedStart - time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnProbeDueAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RebuildFromHistoryAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Day;
        var rows = await history.SinceAsync(MonitorId, since, cancellationToken);
        _recent = new RecentHeartbeats(_options.RecentHeartbeats);
        _rollups = new RollupSeries();
        _latency = new LatencyWindow();
        foreach (var heartbeat in rows)
        {
            Observe(heartbeat);
            _lastHeartbeatId = Math.Max(_lastHeartbeatId, heartbeat.Id);
            _lastCheck = heartbeat.Date;
        }
    }

    private MonitorSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        var day = _rollups.Summary(now, Day);
        var config = state.State.Config!;
        return new MonitorSnapshot
        {
            MonitorId = MonitorId,
            WorkspaceId = state.State.WorkspaceId,
            OwnerEmail = state.State.OwnerEmail,
            Config = config,
            UptimePercentage = day.UptimePercentage,
            AverageHeartbeatLatency = day.AverageLatencyMs,
            LastCheck = _lastCheck,
            NextCheck = _timer is null ? null : _plannedStart,
            Heartbeats = _recent.NewestFirst(),
            Certificate = state.State.Certificate,
            IsDown = state.State.IsDown,
            OpenIncidentId = state.State.OpenIncidentId,
            Percentiles = [Percentiles("1h", now, Hour), Percentiles("24h", now, Day)],
        };
    }

    private LatencyPercentiles Percentiles(string name, DateTimeOffset now, TimeSpan window)
    {
        var p = _latency.Percentiles(now, window);
        return new LatencyPercentiles(name, p.Count, p.P50, p.P95, p.P99);
    }

    private bool BelongsTo(Guid workspaceId) => state.State.Exists && state.State.WorkspaceId == workspaceId;

    private TimeSpan IntervalOf(MonitorConfig config) => Scaled(config.Interval);

    private TimeSpan Scaled(int seconds) => TimeSpan.FromSeconds(seconds * _options.TimeScale);

    private static ProbeRequest BuildRequest(MonitorConfig config)
    {
        StatusCodeRanges.TryParse(config.ValidStatusCodes ?? StatusCodeRanges.Default.ToStrings(), out var codes, out _);
        return new ProbeRequest(
            config.Type,
            config.Url,
            config.Port,
            config.Method ?? "GET",
            config.Headers ?? new Dictionary<string, string>(),
            config.Body,
            codes,
            TimeSpan.FromSeconds(config.RequestTimeout));
    }
}
