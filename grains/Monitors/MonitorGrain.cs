using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Identity;
using OrleansMonitor.Grains.Metrics;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// One monitor (a Lunalytics monitor, a Dashmon device). A reminder guarantees re-activation after restarts and silo
/// loss; while active, a kept-alive grain timer re-armed for each planned start runs the probe (or, for heartbeat
/// monitors, checks that a beat arrived in time). Results feed the in-memory figures and the outage detector, go to the
/// per-silo heartbeat writer without waiting, are reported to the workspace, and state transitions open or resolve
/// incidents (none during maintenance).
/// </summary>
[GrainType("monitor")]
public sealed class MonitorGrain(
    [PersistentState("monitor", StorageNames.Monitors)] IPersistentState<MonitorState> state,
    ProbeCatalog probes,
    MonitorStorage storage,
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
    private bool _probing;

    // The probe timer interleaves with grain calls (a slow probe must not hold up an edit or a delete), so writes of
    // the persistent state are serialized here to keep its ETag consistent.
    private readonly SemaphoreSlim _stateWrites = new(1, 1);

    private Guid MonitorId => this.GetPrimaryKey();

    private MonitorConfig Config => state.State.Config!;

    private IWorkspaceGrain Workspace => GrainFactory.GetGrain<IWorkspaceGrain>(state.State.WorkspaceId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists)
        {
            return;
        }

        _outage = NewDetector(Config, state.State.IsDown);
        await RebuildFromHistoryAsync(cancellationToken);
        await JoinDefaultProjectIfUnplacedAsync();
        Arm(FirstStart(Config, time.GetUtcNow()));
    }

    /// <summary>A monitor stored before workspaces had projects joins its workspace's default project once.</summary>
    private async Task JoinDefaultProjectIfUnplacedAsync()
    {
        if (state.State.ProjectId != Guid.Empty)
        {
            return;
        }

        // An existing monitor is placed whatever the plan's minimum interval (the write lock covers plan limits).
        var registration = await Workspace.RegisterDeviceAsync(Summary(), null, int.MaxValue);
        if (registration.ProjectId is { } project)
        {
            state.State.ProjectId = project;
            await storage.Directory.UpsertAsync(MonitorId, state.State.WorkspaceId, project, Config.Type, Config.Name);
            await SaveStateAsync();
        }
    }

    public async Task<MonitorOutcome> CreateAsync(Guid workspaceId, string ownerEmail, MonitorConfig config, Guid? projectId = null)
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

        if (normalized.Type == MonitorType.Heartbeat && string.IsNullOrEmpty(normalized.Heartbeat!.Token))
        {
            normalized = normalized with { Heartbeat = normalized.Heartbeat with { Token = SecretToken.New() } };
        }

        var now = time.GetUtcNow();
        var registration = await GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId)
            .RegisterDeviceAsync(new DeviceSummary(MonitorId, projectId ?? Guid.Empty, normalized.Name, normalized.Type, "pending", null, null, 0), projectId, normalized.Interval);
        if (registration.ProjectId is not { } joined)
        {
            DeactivateOnIdle();
            return registration switch
            {
                { MinIntervalSeconds: { } min } => MonitorOutcome.Invalid(IntervalBelowPlan(min)),
                { LimitReached: true } => new MonitorOutcome { PlanLimitReached = true },
                _ => new MonitorOutcome { ProjectNotFound = true },
            };
        }

        await storage.Directory.UpsertAsync(MonitorId, workspaceId, joined, normalized.Type, normalized.Name);
        if (normalized.Heartbeat is { } push)
        {
            await storage.HeartbeatTokens.SetAsync(MonitorId, push.Token);
        }

        state.State = new MonitorState
        {
            Exists = true,
            WorkspaceId = workspaceId,
            OwnerEmail = ownerEmail,
            Config = normalized,
            CreatedAt = now,
            ProjectId = joined,
        };
        await SaveStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, _options.ReminderPeriod, _options.ReminderPeriod);

        _request = null;
        _outage = NewDetector(normalized, false);
        Arm(FirstStart(normalized, now));
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

        var plan = await Workspace.PlanStatusAsync();
        if (normalized.Interval < plan.MinIntervalSeconds)
        {
            return MonitorOutcome.Invalid(IntervalBelowPlan(plan.MinIntervalSeconds));
        }

        if (normalized.Type == MonitorType.Heartbeat && string.IsNullOrEmpty(normalized.Heartbeat!.Token))
        {
            // An empty token keeps the current receiver token (regeneration has its own call).
            normalized = normalized with { Heartbeat = normalized.Heartbeat with { Token = Config.Heartbeat?.Token ?? SecretToken.New() } };
        }

        if (normalized.Url != Config.Url || normalized.Type != MonitorType.Http)
        {
            state.State.Certificate = null;
        }

        if (normalized.Heartbeat?.Token is { } token && token != Config.Heartbeat?.Token)
        {
            await storage.HeartbeatTokens.SetAsync(MonitorId, token);
        }
        else if (normalized.Heartbeat is null && Config.Heartbeat is not null)
        {
            await storage.HeartbeatTokens.RemoveAsync(MonitorId);
        }

        var typeChanged = normalized.Type != Config.Type;
        state.State.Config = normalized;
        await storage.Directory.UpsertAsync(MonitorId, workspaceId, state.State.ProjectId, normalized.Type, normalized.Name);
        await SaveStateAsync();
        _request = null;
        if (typeChanged)
        {
            _outage = NewDetector(normalized, state.State.IsDown);
        }

        Arm(FirstStart(normalized, time.GetUtcNow()));
        ReportToWorkspace();
        return MonitorOutcome.Of(Snapshot());
    }

    public async Task<bool> DeleteAsync(Guid workspaceId)
    {
        if (!BelongsTo(workspaceId))
        {
            return false;
        }

        await Workspace.UnregisterDeviceAsync(MonitorId);
        await DeleteCoreAsync();
        return true;
    }

    public async Task<bool> DeleteDetachedAsync(Guid workspaceId)
    {
        if (!BelongsTo(workspaceId))
        {
            return false;
        }

        await DeleteCoreAsync();
        return true;
    }

    public Task<MonitorSnapshot?> GetAsync(Guid workspaceId) =>
        Task.FromResult(BelongsTo(workspaceId) ? Snapshot() : null);

    public Task<DeviceSummary?> GetSummaryAsync(Guid workspaceId) =>
        Task.FromResult(BelongsTo(workspaceId) ? Summary() : null);

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
            HeartbeatRange.Day => (await storage.History.SinceAsync(MonitorId, now - Day)).Reverse().ToArray(),
            HeartbeatRange.Week => await storage.History.ClosestToEveryFiveMinutesAsync(MonitorId, now - TimeSpan.FromDays(7)),
            _ => await storage.History.ClosestToEveryFiveMinutesAsync(MonitorId, now - TimeSpan.FromDays(30)),
        };
    }

    public async Task<IReadOnlyList<Heartbeat>?> GetHistoryAsync(Guid workspaceId, int limit) =>
        BelongsTo(workspaceId) ? await storage.History.NewestAsync(MonitorId, limit) : null;

    public Task<bool> ProbeNowAsync(Guid workspaceId)
    {
        if (!BelongsTo(workspaceId))
        {
            return Task.FromResult(false);
        }

        if (Config.Type != MonitorType.Heartbeat)
        {
            Arm(time.GetUtcNow());
        }

        return Task.FromResult(true);
    }

    public async Task<bool> RecordBeatAsync(string token)
    {
        if (!state.State.Exists || Config.Heartbeat is not { } push || !CryptographicEquals(push.Token, token))
        {
            return false;
        }

        var now = time.GetUtcNow();
        await ObserveAsync(now, new ProbeResult(true, "ALIVE", 0, "Heartbeat received"));
        Arm(now + Scaled(push.IntervalSeconds + push.GraceSeconds));
        return true;
    }

    public async Task<string?> RegenerateReceiverTokenAsync(Guid workspaceId)
    {
        if (!BelongsTo(workspaceId) || Config.Heartbeat is not { } push)
        {
            return null;
        }

        var token = SecretToken.New();
        await storage.HeartbeatTokens.SetAsync(MonitorId, token);
        state.State.Config = Config with { Heartbeat = push with { Token = token } };
        await SaveStateAsync();
        return token;
    }

    public async Task<bool> SetMaintenanceAsync(Guid workspaceId, MaintenanceWindow? window)
    {
        if (!BelongsTo(workspaceId))
        {
            return false;
        }

        state.State.Maintenance = window;
        await SaveStateAsync();
        ReportToWorkspace();
        return true;
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

    private async Task DeleteCoreAsync()
    {
        _timer?.Dispose();
        _timer = null;
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        // The index row goes first: the heartbeat writer drops rows of monitors that are no longer indexed.
        await storage.Directory.RemoveAsync(MonitorId);
        await storage.History.DeleteMonitorAsync(MonitorId);
        await storage.Incidents.DeleteMonitorAsync(MonitorId);
        await storage.HeartbeatTokens.RemoveAsync(MonitorId);
        await ClearStoredStateAsync();
        state.State = new MonitorState();
        DeactivateOnIdle();
    }

    private async Task OnProbeDueAsync(CancellationToken cancellationToken)
    {
        // The callback interleaves with grain calls; a probe already in flight re-arms the timer when it ends.
        if (!state.State.Exists || _probing)
        {
            return;
        }

        _probing = true;
        try
        {
            await ProbeOnceAsync(cancellationToken);
        }
        finally
        {
            _probing = false;
        }
    }

    private async Task ProbeOnceAsync(CancellationToken cancellationToken)
    {

        var config = Config;
        var started = time.GetUtcNow();
        schedulingStats.Record(started - _plannedStart);
        if (config.Heartbeat is { } push)
        {
            // A push monitor's timer is its deadline: reaching it means no beat came in time.
            var window = push.IntervalSeconds + push.GraceSeconds;
            var verdict = await ObserveAsync(started, new ProbeResult(false, "MISSED", 0, $"No heartbeat received within {window} s"));
            Arm(started + Scaled(verdict == ProbeVerdict.Retry ? config.RetryInterval : window));
            return;
        }

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

        var outcome = await ObserveAsync(started, result);
        if (!state.State.Exists)
        {
            return;
        }

        // Plan with the configuration as it is now (it may have been edited while the probe ran). Timers may fire a
        // little early: plan from the later of now and the planned start, so one grid point is never probed twice.
        var current = Config;
        var now = time.GetUtcNow();
        var next = outcome == ProbeVerdict.Retry
            ? now + Scaled(current.RetryInterval)
            : ProbeSchedule.NextStart(MonitorId, IntervalOf(current), now > _plannedStart ? now : _plannedStart);
        Arm(next);
    }

    /// <summary>Records one result: heartbeat, figures, state machine, incidents, workspace summary.</summary>
    private async Task<ProbeVerdict> ObserveAsync(DateTimeOffset started, ProbeResult result)
    {
        var heartbeat = Record(started, result);
        var verdict = _outage.Observe(result.IsUp);
        if (await ApplyAsync(verdict, heartbeat, result))
        {
            await SaveStateAsync();
        }

        ReportToWorkspace();
        return verdict;
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
            result.Message.Length <= 64 ? string.Intern(result.Message) : result.Message,
            state.State.Maintenance?.Covers(started) == true);
        _lastCheck = started;
        Observe(heartbeat);
        storage.Writer.Enqueue(MonitorId, heartbeat);
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
        if (result.Certificate is { } certificate)
        {
            changed = state.State.Certificate is not { } known
                || known.IsValid != certificate.IsValid
                || known.ValidTill != certificate.ValidTill
                || known.DaysRemaining != certificate.DaysRemaining;
            state.State.Certificate = certificate;
        }

        switch (verdict)
        {
            // Reads interleave with this turn: the database work comes first and the state flips in one step after it,
            // so no reader sees "up with an open incident" or "down without one".
            case ProbeVerdict.WentDown:
                long? incident = null;
                if (state.State.Maintenance?.Covers(heartbeat.Date) == true)
                {
                    logger.LogInformation("Monitor {MonitorId} is down during maintenance: no incident", MonitorId);
                }
                else
                {
                    incident = await storage.Incidents.OpenAsync(MonitorId, state.State.WorkspaceId, heartbeat.Date, heartbeat.Message);
                    logger.LogInformation("Monitor {MonitorId} is down: {Cause}", MonitorId, heartbeat.Message);
                }

                state.State.IsDown = true;
                state.State.OpenIncidentId = incident;
                return true;
            case ProbeVerdict.WentUp:
                if (state.State.OpenIncidentId is { } open)
                {
                    await storage.Incidents.ResolveAsync(open, heartbeat.Date, heartbeat.Message);
                }

                state.State.IsDown = false;
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
            _timer = this.RegisterGrainTimer(OnProbeDueAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The first planned start: the next grid point, or for a push monitor the deadline after its last beat.</summary>
    private DateTimeOffset FirstStart(MonitorConfig config, DateTimeOffset now)
    {
        if (config.Heartbeat is { } push)
        {
            var from = _lastCheck is { } last && last > now - Scaled(push.IntervalSeconds + push.GraceSeconds) ? last : now;
            return from + Scaled(push.IntervalSeconds + push.GraceSeconds);
        }

        return ProbeSchedule.NextStart(MonitorId, IntervalOf(config), now);
    }

    private async Task RebuildFromHistoryAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Day;
        var rows = await storage.History.SinceAsync(MonitorId, since, cancellationToken);
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

    private async Task SaveStateAsync()
    {
        await _stateWrites.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _stateWrites.Release();
        }
    }

    private async Task ClearStoredStateAsync()
    {
        await _stateWrites.WaitAsync();
        try
        {
            await state.ClearStateAsync();
        }
        finally
        {
            _stateWrites.Release();
        }
    }

    private void ReportToWorkspace() => Workspace.ReportDeviceAsync(Summary()).Ignore();

    private string Status(DateTimeOffset now) =>
        state.State.Maintenance?.Covers(now) == true ? "maintenance"
        : _lastCheck is null ? "pending"
        : state.State.IsDown ? "down"
        : "up";

    private DeviceSummary Summary()
    {
        var now = time.GetUtcNow();
        return new DeviceSummary(
            MonitorId,
            state.State.ProjectId,
            Config.Name,
            Config.Type,
            Status(now),
            _lastCheck,
            _recent.Newest?.Latency,
            _rollups.Summary(now, Day).UptimePercentage);
    }

    private MonitorSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        var day = _rollups.Summary(now, Day);
        return new MonitorSnapshot
        {
            MonitorId = MonitorId,
            WorkspaceId = state.State.WorkspaceId,
            OwnerEmail = state.State.OwnerEmail,
            Config = Config,
            UptimePercentage = day.UptimePercentage,
            AverageHeartbeatLatency = day.AverageLatencyMs,
            LastCheck = _lastCheck,
            NextCheck = _timer is null ? null : _plannedStart,
            Heartbeats = _recent.NewestFirst(),
            Certificate = state.State.Certificate,
            IsDown = state.State.IsDown,
            OpenIncidentId = state.State.OpenIncidentId,
            Percentiles = [Percentiles("1h", now, Hour), Percentiles("24h", now, Day)],
            ProjectId = state.State.ProjectId,
            CreatedAt = state.State.CreatedAt,
            Maintenance = state.State.Maintenance,
            Status = Status(now),
        };
    }

    private LatencyPercentiles Percentiles(string name, DateTimeOffset now, TimeSpan window)
    {
        var p = _latency.Percentiles(now, window);
        return new LatencyPercentiles(name, p.Count, p.P50, p.P95, p.P99);
    }

    private static Dictionary<string, string> IntervalBelowPlan(int minimum) =>
        new() { ["interval"] = $"Interval must be at least {minimum} seconds on this workspace's plan" };

    private bool BelongsTo(Guid workspaceId) => state.State.Exists && state.State.WorkspaceId == workspaceId;

    private OutageDetector NewDetector(MonitorConfig config, bool isDown) =>
        new(config.Type == MonitorType.Heartbeat ? 1 : _options.FailuresBeforeDown, isDown);

    private TimeSpan IntervalOf(MonitorConfig config) => Scaled(config.Interval);

    private TimeSpan Scaled(int seconds) => TimeSpan.FromSeconds(seconds * _options.TimeScale);

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

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
            TimeSpan.FromSeconds(config.RequestTimeout))
        {
            Dns = config.Dns,
            Assertions = config.Assertions ?? [],
        };
    }
}
