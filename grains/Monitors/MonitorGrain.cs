using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Identity;
using OrleansMonitor.Grains.Metrics;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// One monitor (a Lunalytics monitor, a Dashmon device). A reminder guarantees re-activation after restarts and silo
/// loss; while active, one kept-alive grain timer is always armed: for the next planned start, for a push monitor's
/// deadline, or as the watchdog of a probe in flight. Probe I/O runs outside the grain turn (<see cref="ProbeRunner"/>)
/// and its result comes back as an ordinary call (<see cref="IMonitorWorkSink"/>), so recording, edits and deletes
/// never interleave. Results feed the in-memory figures and the outage detector, go to the per-silo heartbeat writer
/// without waiting, and are reported to the workspace; incident writes are owed in the state until the table has them.
/// </summary>
/// <remarks>
/// The invariant: every existing monitor always has its next probe planned. Whatever recording a result meets (the
/// database away, a state-write conflict, a timeout) is logged and counted (<see cref="MonitorFaults"/>) and the next
/// probe is armed regardless; the reminder tick re-arms a monitor whose timer has not fired for two intervals.
/// </remarks>
[GrainType("monitor")]
public sealed class MonitorGrain(
    [PersistentState("monitor", StorageNames.Monitors)] IPersistentState<MonitorState> state,
    ProbeRunner runner,
    FigureLoader figureLoader,
    EgressPolicy egress,
    MonitorStorage storage,
    SchedulingStats schedulingStats,
    MonitorFaults faults,
    SharedStrings sharedStrings,
    TimeProvider time,
    IOptions<MonitorOptions> options,
    ILogger<MonitorGrain> logger) : Grain, IMonitorGrain, IMonitorWorkSink, IRemindable
{
    internal const string ReminderName = "probe-schedule";
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>How long past its request timeout a dispatched probe may stay unanswered before the monitor gives it up.</summary>
    private static readonly TimeSpan ProbeGrace = TimeSpan.FromSeconds(30);

    /// <summary>Incident writes owed at most; beyond it (a long outage of the database with a flapping target) the oldest pairs go.</summary>
    private const int MaxPendingIncidentChanges = 16;

    /// <summary>Results kept aside at most while the stored figures load (hours of probing at the shortest interval).</summary>
    private const int MaxLiveBeforeRestore = 1_000;

    private readonly MonitorOptions _options = options.Value;
    private IGrainTimer? _timer;
    private DateTimeOffset _armedFor;
    private DateTimeOffset _beatDeadline;
    private long _probeSequence;
    private InFlightProbe? _inFlight;
    private bool _stateDirty;
    private bool _probedSinceActivation;
    private bool _incidentsUnverified;
    private MonitorFigures _figures = new(options.Value.RecentHeartbeats);

    /// <summary>Results recorded since activation while the stored figures are still on their way (null once restored).</summary>
    private List<Heartbeat>? _liveSinceActivation;
    private OutageDetector _outage = new(options.Value.FailuresBeforeDown, false);
    private ProbeRequest? _request;

    private Guid MonitorId => this.GetPrimaryKey();

    private bool IsActive => state.State.Exists && state.State.Lifecycle == MonitorLifecycle.Active;

    private MonitorConfig Config => state.State.Config!;

    private IWorkspaceGrain Workspace => GrainFactory.GetGrain<IWorkspaceGrain>(state.State.WorkspaceId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists)
        {
            return;
        }

        if (!IsActive)
        {
            // A tombstone or a create that never finished: complete the removal soon, outside activation.
            Arm(time.GetUtcNow());
            return;
        }

        _outage = NewDetector(Config, state.State.IsDown);
        _beatDeadline = time.GetUtcNow() + PushWindow(Config);

        // The incident table is read with the first result, not here: a silo start then costs each monitor only its
        // state read before it probes, and the check still comes before that result is judged.
        _incidentsUnverified = true;
        try
        {
            await JoinDefaultProjectIfUnplacedAsync();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Monitor {MonitorId} could not join its workspace's default project; it will try again at its next activation", MonitorId);
        }

        Arm(FirstStart(Config, time.GetUtcNow()));
        LoadStoredFigures();
    }

    /// <summary>A monitor stored before workspaces had projects joins its workspace's default project once.</summary>
    private async Task JoinDefaultProjectIfUnplacedAsync()
    {
        if (state.State.ProjectId != Guid.Empty)
        {
            return;
        }

        // An existing monitor is placed whatever the plan's minimum interval (the write lock covers plan limits); the
        // workspace writes its index row with the project, and a state write lost here repeats the placement next time.
        var registration = await Workspace.RegisterDeviceAsync(Summary(), null, int.MaxValue);
        if (registration.ProjectId is { } project)
        {
            state.State.ProjectId = project;
            _stateDirty = true;
            await SaveStateAsync();
        }
    }

    public Task<MonitorOutcome> CreateAsync(WorkspaceAccess caller, string ownerEmail, MonitorConfig config, Guid? projectId = null) =>
        ScopeRefusal(caller, projectId) is { } refused ? RefuseCreate(refused) : CreateCoreAsync(caller, ownerEmail, config, projectId);

    public Task<MonitorOutcome> CreateWithDefaultsAsync(WorkspaceAccess caller, string ownerEmail, MonitorConfigPatch settings, Guid? projectId = null)
    {
        if (ScopeRefusal(caller, projectId) is { } refused)
        {
            return RefuseCreate(refused);
        }

        return MonitorConfigOverlay.TryApply(null, settings, out var config, out var errors)
            ? CreateCoreAsync(caller, ownerEmail, config, projectId, settings.ParentId is { } parent && parent != Guid.Empty ? new ParentLink(caller, parent) : null)
            : RefuseCreate(MonitorOutcome.Invalid(errors));
    }

    /// <summary>
    /// Scope comes before everything else: a project outside the caller's scope is an unknown project, and a scoped
    /// caller may not create in the default project (chosen when none is named), which may lie outside its scope.
    /// </summary>
    private static MonitorOutcome? ScopeRefusal(WorkspaceAccess caller, Guid? projectId) => projectId switch
    {
        { } project when !caller.Sees(project) => new MonitorOutcome { ProjectNotFound = true },
        null when caller.IsScoped => new MonitorOutcome { ScopeForbidden = true },
        _ => null,
    };

    /// <summary>A create refused before anything was stored; an activation made only for it goes.</summary>
    private Task<MonitorOutcome> RefuseCreate(MonitorOutcome outcome)
    {
        if (!state.State.Exists)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(outcome);
    }

    private async Task<MonitorOutcome> CreateCoreAsync(WorkspaceAccess caller, string ownerEmail, MonitorConfig config, Guid? projectId, ParentLink? parent = null)
    {
        if (state.State is { Exists: true, Lifecycle: MonitorLifecycle.Creating } unfinished && unfinished.WorkspaceId == caller.WorkspaceId)
        {
            // A retry of a create that failed and whose undo failed too (the database or the workspace was away): the
            // undo is finished now, and a failure of it answers this call as a fault the client may retry again.
            await RemoveStoredDataAsync(detached: false);
            state.State = new MonitorState();
        }

        if (state.State.Exists)
        {
            // Creation is keyed by a fresh id; a repeat for the same workspace is an idempotent replay.
            return BelongsTo(caller) ? MonitorOutcome.Of(await SnapshotWithTagsAsync()) : MonitorOutcome.Missing;
        }

        if (!MonitorConfigRules.TryNormalize(config, out var normalized, out var errors))
        {
            DeactivateOnIdle();
            return MonitorOutcome.Invalid(errors);
        }

        if (egress.RefusalFor(normalized) is { } refused)
        {
            DeactivateOnIdle();
            return MonitorOutcome.Invalid(refused);
        }

        if (normalized.Type == MonitorType.Heartbeat && string.IsNullOrEmpty(normalized.Heartbeat!.Token))
        {
            normalized = normalized with { Heartbeat = normalized.Heartbeat with { Token = SecretToken.New() } };
        }

        // All or nothing: the state is written first as "creating", before the workspace writes the index row (the
        // silo warm-up wakes every indexed monitor), so a create interrupted anywhere below is found unfinished later
        // and undone; a failure here undoes what was done and answers the failure.
        var now = time.GetUtcNow();
        state.State = new MonitorState
        {
            Exists = true,
            Lifecycle = MonitorLifecycle.Creating,
            WorkspaceId = caller.WorkspaceId,
            OwnerEmail = ownerEmail,
            Config = normalized,
            CreatedAt = now,
            ProjectId = projectId ?? Guid.Empty,
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new MonitorState();
            DeactivateOnIdle();
            throw;
        }

        DeviceRegistration registration;
        try
        {
            registration = await Workspace.RegisterDeviceAsync(
                new DeviceSummary(MonitorId, projectId ?? Guid.Empty, normalized.Name, normalized.Type, "pending", null, null, 0), projectId, normalized.Interval, parent);
            if (registration.ProjectId is { } joined)
            {
                state.State.ProjectId = joined;
                if (normalized.Heartbeat is { } push)
                {
                    await storage.HeartbeatTokens.SetAsync(MonitorId, push.Token);
                }

                await this.RegisterOrUpdateReminder(ReminderName, _options.ReminderPeriod, _options.ReminderPeriod);
                state.State.Lifecycle = MonitorLifecycle.Active;
                await state.WriteStateAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Creating monitor {MonitorId} failed; undoing it", MonitorId);
            await UndoFailedCreateAsync();
            throw;
        }

        if (registration.ProjectId is null)
        {
            // Refused by the workspace, which indexed nothing: only the "creating" state goes (left behind, nothing finds it).
            await BestEffortAsync("clear the state of a refused create", () => state.ClearStateAsync());
            state.State = new MonitorState();
            DeactivateOnIdle();
            return registration switch
            {
                { MinIntervalSeconds: { } min } => MonitorOutcome.Invalid(IntervalBelowPlan(min)),
                { ParentRefused: { } why } => MonitorOutcome.Invalid(ParentRefused(why)),
                { LimitReached: true } => new MonitorOutcome { PlanLimitReached = true },
                _ => new MonitorOutcome { ProjectNotFound = true },
            };
        }

        _request = null;
        _outage = NewDetector(normalized, false);
        _beatDeadline = now + PushWindow(normalized);
        Arm(FirstStart(normalized, now));
        return MonitorOutcome.Of(Snapshot() with { Tags = registration.Tags ?? [], ParentId = registration.ParentId });
    }

    /// <summary>Best effort: whatever is left behind is finished by the next activation of the "creating" state.</summary>
    private async Task UndoFailedCreateAsync()
    {
        if (await BestEffortAsync("remove what it stored", () => RemoveStoredDataAsync(detached: false)))
        {
            state.State = new MonitorState();
        }

        DeactivateOnIdle();
    }

    public Task<MonitorOutcome> UpdateAsync(WorkspaceAccess caller, MonitorConfig config) => UpdateCoreAsync(caller, config, null);

    /// <summary>Replaces the configuration and, when <paramref name="parent"/> is given, the device's parent in the same change.</summary>
    private async Task<MonitorOutcome> UpdateCoreAsync(WorkspaceAccess caller, MonitorConfig config, ParentLink? parent)
    {
        if (!BelongsTo(caller))
        {
            return MonitorOutcome.Missing;
        }

        if (!MonitorConfigRules.TryNormalize(config, out var normalized, out var errors))
        {
            return MonitorOutcome.Invalid(errors);
        }

        if (egress.RefusalFor(normalized) is { } refused)
        {
            return MonitorOutcome.Invalid(refused);
        }

        // One call: the workspace checks the plan's minimum interval and the parent, and writes the new name, type and parent to the index.
        var index = await Workspace.UpdateDeviceAsync(Summary() with { Name = normalized.Name, Type = normalized.Type }, normalized.Interval, parent);
        if (index.MinIntervalSeconds is { } minimum)
        {
            return MonitorOutcome.Invalid(IntervalBelowPlan(minimum));
        }

        if (index.ParentRefused is { } why)
        {
            return MonitorOutcome.Invalid(ParentRefused(why));
        }

        if (normalized.Type == MonitorType.Heartbeat && string.IsNullOrEmpty(normalized.Heartbeat!.Token))
        {
            // An empty token keeps the current receiver token (regeneration has its own call).
            normalized = normalized with { Heartbeat = normalized.Heartbeat with { Token = Config.Heartbeat?.Token ?? SecretToken.New() } };
        }

        if (normalized.Heartbeat?.Token is { } token && token != Config.Heartbeat?.Token)
        {
            await storage.HeartbeatTokens.SetAsync(MonitorId, token);
        }
        else if (normalized.Heartbeat is null && Config.Heartbeat is not null)
        {
            await storage.HeartbeatTokens.RemoveAsync(MonitorId);
        }

        var previous = (state.State.Config, state.State.Certificate);
        var typeChanged = normalized.Type != Config.Type;
        if (normalized.Url != Config.Url || normalized.Type != MonitorType.Http)
        {
            state.State.Certificate = null;
        }

        state.State.Config = normalized;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (state.State.Config, state.State.Certificate) = previous;
            throw;
        }

        _stateDirty = false;
        _request = null;
        _inFlight = null; // a result of the old configuration is not recorded
        if (typeChanged)
        {
            _outage = NewDetector(normalized, state.State.IsDown);
        }

        _beatDeadline = time.GetUtcNow() + PushWindow(normalized);
        Arm(FirstStart(normalized, time.GetUtcNow()));
        ReportToWorkspace();
        return MonitorOutcome.Of(Snapshot() with { Tags = index.Tags ?? [], ParentId = index.ParentId });
    }

    public Task<MonitorOutcome> EditAsync(WorkspaceAccess caller, MonitorConfigPatch patch)
    {
        if (!BelongsTo(caller))
        {
            return Task.FromResult(MonitorOutcome.Missing);
        }

        if (!patch.Fits(Config.Type))
        {
            return Task.FromResult(new MonitorOutcome { WrongType = true });
        }

        if (!MonitorConfigOverlay.TryApply(Config, patch, out var config, out var errors))
        {
            return Task.FromResult(MonitorOutcome.Invalid(errors));
        }

        if (patch.Heartbeat is { RegenerateToken: true } && config.Heartbeat is { } push)
        {
            // A new token in the same change: one state write, and the old token stops working with it.
            config = config with { Heartbeat = push with { Token = SecretToken.New() } };
        }

        var parent = patch.ParentId is { } parentId ? new ParentLink(caller, parentId == Guid.Empty ? null : parentId) : null;
        return UpdateCoreAsync(caller, config, parent);
    }

    public Task<bool> DeleteAsync(WorkspaceAccess caller) => DeleteCoreAsync(caller, detached: false);

    public Task<bool> DeleteDetachedAsync(Guid workspaceId) => DeleteCoreAsync(WorkspaceAccess.OwnerOf(workspaceId), detached: true);

    /// <summary>
    /// Writes the tombstone first (from then on the monitor is gone for every reader and stops probing), then removes
    /// its data. A removal interrupted half-way is completed by the next activation, timer or reminder tick.
    /// </summary>
    private async Task<bool> DeleteCoreAsync(WorkspaceAccess caller, bool detached)
    {
        if (!BelongsTo(caller))
        {
            return false;
        }

        state.State.Lifecycle = MonitorLifecycle.Deleting;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Lifecycle = MonitorLifecycle.Active;
            throw;
        }

        _inFlight = null;
        _request = null;
        try
        {
            await RemoveStoredDataAsync(detached);
            state.State = new MonitorState();
            _timer?.Dispose();
            _timer = null;
            DeactivateOnIdle();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Deleting monitor {MonitorId} stopped half-way; the tombstone stays and the removal is retried", MonitorId);
            Arm(time.GetUtcNow() + RemovalRetryDelay);
        }

        return true;
    }

    private static readonly TimeSpan RemovalRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Removes every trace of the monitor, each step idempotent; the reminder goes last so an interrupted removal is
    /// found again. <paramref name="detached"/>: the workspace deletes this monitor and waits for it (a project
    /// deletion), so only the interleaving removal of the index row is asked of it; it forgets the device itself.
    /// </summary>
    private async Task RemoveStoredDataAsync(bool detached)
    {
        // The index row goes first, written by the workspace as the index's only writer: the heartbeat writer drops
        // rows of monitors that are no longer indexed. A state without a workspace has only its row to lose.
        if (detached || state.State.WorkspaceId == Guid.Empty)
        {
            await Workspace.UnindexDeviceAsync(MonitorId);
        }
        else
        {
            await Workspace.UnregisterDeviceAsync(MonitorId);
        }

        await storage.History.DeleteMonitorAsync(MonitorId);
        await storage.Incidents.DeleteMonitorAsync(MonitorId);
        await storage.HeartbeatTokens.RemoveAsync(MonitorId);
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
    }

    public async Task<MonitorSnapshot?> GetAsync(WorkspaceAccess caller) =>
        BelongsTo(caller) ? await SnapshotWithTagsAsync() : null;

    public Task<DeviceSummary?> GetSummaryAsync(WorkspaceAccess caller) =>
        Task.FromResult(BelongsTo(caller) ? Summary() : null);

    public Task<ParentStatus?> ParentStatusAsync(Guid workspaceId) =>
        Task.FromResult(IsActive && state.State.WorkspaceId == workspaceId
            ? new ParentStatus(state.State.IsDown || state.State.OpenIncidentId is not null || _figures.Newest is { IsDown: true }, Config.Name)
            : null);

    public async Task<DeviceAnalytics?> GetAnalyticsAsync(WorkspaceAccess caller, TimeSpan range) =>
        BelongsTo(caller) ? await GrainFactory.GetGrain<IAnalyticsGrain>(0).DeviceAsync(state.State.WorkspaceId, MonitorId, range) : null;

    public async Task<IReadOnlyList<Heartbeat>?> GetHeartbeatsAsync(WorkspaceAccess caller, HeartbeatRange range)
    {
        if (!BelongsTo(caller))
        {
            return null;
        }

        if (range == HeartbeatRange.Latest)
        {
            return _figures.Newest is { } newest ? [newest] : [];
        }

        // Stored spans are completed with the recent heartbeats the writer may not have stored yet (taken before the read).
        var now = time.GetUtcNow();
        var recent = _figures.NewestFirst();
        return range == HeartbeatRange.Day
            ? HeartbeatMerge.Since(await storage.History.SinceAsync(MonitorId, now - Day), recent, now - Day)
            : await ClosestToEveryFiveMinutesAsync(recent, now - TimeSpan.FromDays(range == HeartbeatRange.Week ? 7 : 30));
    }

    private async Task<IReadOnlyList<Heartbeat>> ClosestToEveryFiveMinutesAsync(IReadOnlyList<Heartbeat> recent, DateTimeOffset since) =>
        HeartbeatMerge.ClosestToEveryFiveMinutes(await storage.History.ClosestToEveryFiveMinutesAsync(MonitorId, since), recent, since);

    public async Task<IReadOnlyList<Heartbeat>?> GetHistoryAsync(WorkspaceAccess caller, int limit)
    {
        if (!BelongsTo(caller))
        {
            return null;
        }

        var recent = _figures.NewestFirst();
        return HeartbeatMerge.Newest(await storage.History.NewestAsync(MonitorId, limit), recent, limit);
    }

    public Task<bool> ProbeNowAsync(WorkspaceAccess caller)
    {
        if (!BelongsTo(caller))
        {
            return Task.FromResult(false);
        }

        // A probe already in flight answers the request.
        if (Config.Type != MonitorType.Heartbeat && _inFlight is null)
        {
            Arm(time.GetUtcNow());
        }

        return Task.FromResult(true);
    }

    public async Task<bool> RecordBeatAsync(string token)
    {
        if (!IsActive || Config.Heartbeat is not { } push || !CryptographicEquals(push.Token, token))
        {
            return false;
        }

        var now = time.GetUtcNow();
        _beatDeadline = now + Scaled(push.IntervalSeconds + push.GraceSeconds);
        try
        {
            await ObserveAsync(now, new ProbeResult(true, "ALIVE", 0, "Heartbeat received"));
        }
        catch (Exception ex)
        {
            RecordFailed(ex);
        }
        finally
        {
            Arm(_beatDeadline);
        }

        return true;
    }

    public async Task<bool> SetMaintenanceAsync(WorkspaceAccess caller, MaintenanceWindow? window)
    {
        if (!BelongsTo(caller))
        {
            return false;
        }

        state.State.Maintenance = window;
        _stateDirty = true;
        await SaveStateAsync();
        ReportToWorkspace();
        return true;
    }

    public Task EnsureScheduledAsync() => Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.Exists)
        {
            // A reminder that outlived its monitor: clean it up.
            if (await this.GetReminder(reminderName) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }

            DeactivateOnIdle();
            return;
        }

        if (!IsActive)
        {
            await CompleteRemovalAsync();
            return;
        }

        var now = time.GetUtcNow();
        if (_timer is null || _armedFor < now - StaleAfter(Config))
        {
            faults.RearmedByReminderTick();
            logger.LogWarning("Monitor {MonitorId} had no probe planned since {ArmedFor}; the reminder armed it again", MonitorId, _armedFor);
            _inFlight = null;
            Arm(now);
        }

        if (_stateDirty || state.State.PendingIncidentChanges.Count > 0)
        {
            await RetryBookkeepingAsync();
        }
    }

    /// <summary>The timer: a planned start, a push monitor's deadline, the watchdog of a probe in flight, or an unfinished removal.</summary>
    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Exists)
        {
            return;
        }

        if (!IsActive)
        {
            await CompleteRemovalAsync();
            return;
        }

        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        try
        {
            if (_inFlight is { } probe)
            {
                if (now < probe.Deadline)
                {
                    return; // fired early: the watchdog is armed again below
                }

                faults.ProbeLost();
                logger.LogWarning("Monitor {MonitorId} gave up probe {ProbeId}: no result within {Deadline}", MonitorId, probe.Id, probe.Deadline - probe.StartedAt);
                _inFlight = null;
                next = ProbeSchedule.NextStart(MonitorId, IntervalOf(Config), now);
                return;
            }

            if (Config.Heartbeat is { } push)
            {
                next = await CheckBeatDeadlineAsync(push, now);
                return;
            }

            Dispatch(now);
        }
        catch (Exception ex)
        {
            RecordFailed(ex);
        }
        finally
        {
            if (IsActive)
            {
                Arm(_inFlight?.Deadline ?? next ?? ProbeSchedule.NextStart(MonitorId, IntervalOf(Config), now));
            }
        }
    }

    /// <summary>A push monitor's timer is its deadline: reaching it with no beat since means the beat is missing.</summary>
    private async Task<DateTimeOffset> CheckBeatDeadlineAsync(HeartbeatCheck push, DateTimeOffset now)
    {
        if (now < _beatDeadline)
        {
            return _beatDeadline; // a beat arrived after this tick was queued
        }

        RecordStart(now);
        var window = push.IntervalSeconds + push.GraceSeconds;
        _beatDeadline = now + Scaled(window);
        try
        {
            var verdict = await ObserveAsync(now, new ProbeResult(false, "MISSED", 0, $"No heartbeat received within {window} s"));
            if (verdict == ProbeVerdict.Retry)
            {
                _beatDeadline = now + Scaled(Config.RetryInterval);
            }
        }
        catch (Exception ex)
        {
            RecordFailed(ex);
        }

        return _beatDeadline;
    }

    /// <summary>Counts a push monitor's deadline check and its lateness against the plan (the runner counts probes).</summary>
    private void RecordStart(DateTimeOffset now)
    {
        schedulingStats.Record(now - _armedFor);
        if (!_probedSinceActivation)
        {
            _probedSinceActivation = true;
            schedulingStats.FirstProbeOfActivation();
        }
    }

    /// <summary>Starts the probe outside this turn; the timer becomes its watchdog until the result comes back.</summary>
    private void Dispatch(DateTimeOffset now)
    {
        var config = Config;
        _request ??= BuildRequest(config);
        if (!_probedSinceActivation)
        {
            _probedSinceActivation = true;
            schedulingStats.FirstProbeOfActivation();
        }

        var probe = new InFlightProbe(++_probeSequence, _armedFor, now, now + runner.LongestRun(_request.Timeout) + ProbeGrace);
        _inFlight = probe;
        Arm(probe.Deadline);
        var sink = this.AsReference<IMonitorWorkSink>();
        var failing = state.State.IsDown || _figures.Newest is not { IsDown: false }; // only a known-good target gets the healthy share
        runner.Start(_request, probe.PlannedStart, failing, run => sink.CompleteProbeAsync(run.Result is { } result
            ? new ProbeCompletion(probe.Id, probe.PlannedStart, run.StartedAt, result.IsUp, result.Status, result.LatencyMs, result.Message, result.Certificate)
            : new ProbeCompletion(probe.Id, probe.PlannedStart, run.StartedAt, false, "SKIPPED", 0, "", null, Skipped: true)));
    }

    public async Task CompleteProbeAsync(ProbeCompletion completion)
    {
        if (!IsActive || _inFlight?.Id != completion.ProbeId)
        {
            faults.StaleResult();
            return;
        }

        _inFlight = null;
        var verdict = ProbeVerdict.Steady;
        try
        {
            if (completion.Skipped)
            {
                return; // the silo is overloaded: no result, the next probe is planned below
            }

            verdict = await ObserveAsync(
                completion.StartedAt,
                new ProbeResult(completion.IsUp, completion.Status, completion.LatencyMs, completion.Message, completion.Certificate));
        }
        catch (Exception ex)
        {
            RecordFailed(ex);
        }
        finally
        {
            if (IsActive)
            {
                // Plan with the configuration as it is now. Timers may fire a little early: plan from the later of now
                // and the planned start, so one grid point is never probed twice.
                var now = time.GetUtcNow();
                Arm(_inFlight?.Deadline ?? (verdict == ProbeVerdict.Retry
                    ? now + Scaled(Config.RetryInterval)
                    : ProbeSchedule.NextStart(MonitorId, IntervalOf(Config), now > completion.PlannedStart ? now : completion.PlannedStart)));
            }
        }
    }

    /// <summary>
    /// Records one result: heartbeat, figures, state machine, the owed incident writes, workspace summary, state. The
    /// incident write comes before the state flips (in one step after it), so while the database works no reader sees
    /// "down without an incident" or "up with one open"; when it is away, the flip happens anyway and the write is owed.
    /// </summary>
    private async Task<ProbeVerdict> ObserveAsync(DateTimeOffset started, ProbeResult result)
    {
        await VerifyIncidentsAsync();
        var verdict = _outage.Observe(result.IsUp);
        var downParent = await DownParentBeforeIncidentAsync(verdict, started, result);
        if (downParent is not null)
        {
            result = result with { Message = DependencyMessage(downParent) };
        }

        var heartbeat = Record(started, result);
        var ownOutageBegins = verdict == ProbeVerdict.Steady && !result.IsUp && downParent is null && state.State.SuppressedByDependency && !heartbeat.InMaintenance;
        TrackCertificate(result.Certificate);
        if (verdict == ProbeVerdict.WentDown)
        {
            if (heartbeat.InMaintenance)
            {
                logger.LogInformation("Monitor {MonitorId} is down during maintenance: no incident", MonitorId);
            }
            else if (downParent is not null)
            {
                logger.LogInformation("Monitor {MonitorId} is down while its parent is down: no incident", MonitorId);
            }
            else
            {
                OweIncidentChange(new IncidentChange(true, heartbeat.Date, heartbeat.Message));
                logger.LogInformation("Monitor {MonitorId} is down: {Cause}", MonitorId, heartbeat.Message);
            }
        }
        else if (verdict == ProbeVerdict.WentUp)
        {
            if (!state.State.OutageSuppressed)
            {
                OweIncidentChange(new IncidentChange(false, heartbeat.Date, heartbeat.Message));
            }

            logger.LogInformation("Monitor {MonitorId} is up again", MonitorId);
        }
        else if (ownOutageBegins)
        {
            // The parent is up again (or could not be asked) and this device still fails: the outage is its own now.
            OweIncidentChange(new IncidentChange(true, heartbeat.Date, heartbeat.Message));
            logger.LogInformation("Monitor {MonitorId} is still down after its parent: {Cause}", MonitorId, heartbeat.Message);
        }

        try
        {
            await ApplyOwedIncidentWritesAsync();
        }
        finally
        {
            if (verdict is ProbeVerdict.WentDown or ProbeVerdict.WentUp)
            {
                state.State.IsDown = verdict == ProbeVerdict.WentDown;
                state.State.OutageSuppressed = verdict == ProbeVerdict.WentDown && (heartbeat.InMaintenance || downParent is not null);
                state.State.SuppressedByDependency = verdict == ProbeVerdict.WentDown && !heartbeat.InMaintenance && downParent is not null;
                _stateDirty = true;
            }
            else if (ownOutageBegins)
            {
                state.State.OutageSuppressed = false;
                state.State.SuppressedByDependency = false;
                _stateDirty = true;
            }

            ReportToWorkspace();
        }

        await SaveStateAsync();
        return verdict;
    }

    /// <summary>
    /// Before a failure opens an incident (the monitor goes down, or an outage suppressed by its parent goes on), asks the
    /// parent whether it is down: its name when it is, null otherwise (no parent, in maintenance, or any other result).
    /// Never throws: a failed or late answer counts as "not down", so the device alerts (a duplicate alert rather than
    /// a silent one); the failure is logged (throttled) and counted.
    /// </summary>
    private async Task<string?> DownParentBeforeIncidentAsync(ProbeVerdict verdict, DateTimeOffset started, ProbeResult result)
    {
        var opensIncident = verdict == ProbeVerdict.WentDown || (verdict == ProbeVerdict.Steady && state.State.SuppressedByDependency);
        if (result.IsUp || !opensIncident || state.State.Maintenance?.Covers(started) == true)
        {
            return null;
        }

        try
        {
            var timeout = _options.DependencyCheckTimeout;
            if ((await Workspace.LinksOfAsync(MonitorId).WaitAsync(timeout, time)).ParentId is not { } parentId)
            {
                return null;
            }

            var parent = await GrainFactory.GetGrain<IMonitorGrain>(parentId).ParentStatusAsync(state.State.WorkspaceId).WaitAsync(timeout, time);
            return parent is { IsDown: true } ? parent.Name : null;
        }
        catch (Exception ex)
        {
            faults.DependencyCheckFailed();
            if (faults.Warnings.Allow(out var heldBack))
            {
                logger.LogWarning(ex, "Monitor {MonitorId} could not ask its parent whether it is down; its failure is not suppressed ({HeldBack} similar warnings held back)", MonitorId, heldBack);
            }

            return null;
        }
    }

    /// <summary>The message of a failure suppressed by a down parent (the parent's name is one line of text, capped here).</summary>
    private static string DependencyMessage(string parentName) =>
        $"suppressed by dependency: {StoredText.Clean(parentName, MonitorConfigRules.MaxNameLength)} is down";

    /// <summary>Applies owed incident writes and saves the state when it changed; a failure is logged and counted.</summary>
    private async Task RetryBookkeepingAsync()
    {
        try
        {
            await ApplyOwedIncidentWritesAsync();
            await SaveStateAsync();
        }
        catch (Exception ex)
        {
            RecordFailed(ex);
        }
    }

    private async Task ApplyOwedIncidentWritesAsync()
    {
        if (_incidentsUnverified && state.State.PendingIncidentChanges.Count == 0)
        {
            await ReconcileWithIncidentTableAsync(CancellationToken.None);
            _incidentsUnverified = false;
        }

        await ApplyIncidentChangesAsync();
    }

    /// <summary>
    /// Before the first result of an activation is judged, adopts an incident the table holds open that the state does not
    /// know of (a state write lost after the incident was written), so the next success resolves it. When the table
    /// cannot be read the result is judged anyway and the check is repeated with the owed writes.
    /// </summary>
    private async Task VerifyIncidentsAsync()
    {
        if (!_incidentsUnverified || state.State.PendingIncidentChanges.Count > 0)
        {
            return;
        }

        try
        {
            await ReconcileWithIncidentTableAsync(CancellationToken.None);
            _incidentsUnverified = false;
        }
        catch (Exception ex)
        {
            if (faults.Warnings.Allow(out var heldBack))
            {
                logger.LogWarning(ex, "Monitor {MonitorId} could not read its open incident; it checks again with its next result ({HeldBack} similar warnings held back)", MonitorId, heldBack);
            }
        }
    }

    private Heartbeat Record(DateTimeOffset started, ProbeResult result)
    {
        var heartbeat = new Heartbeat(
            _figures.NextHeartbeatId(started),
            sharedStrings.Share(StoredText.Clean(result.Status, 32)),
            result.LatencyMs,
            started,
            !result.IsUp,
            sharedStrings.Share(StoredText.Clean(result.Message)),
            state.State.Maintenance?.Covers(started) == true);
        if (_figures.Observe(heartbeat) is { } completedHour)
        {
            StoreLatencyHour(completedHour);
        }

        if (_liveSinceActivation is { Count: < MaxLiveBeforeRestore } live)
        {
            live.Add(heartbeat);
        }

        storage.Writer.Enqueue(MonitorId, heartbeat);
        return heartbeat;
    }

    private void TrackCertificate(CertificateInfo? certificate)
    {
        if (certificate is null)
        {
            return;
        }

        if (state.State.Certificate is not { } known
            || known.IsValid != certificate.IsValid
            || known.ValidTill != certificate.ValidTill
            || known.DaysRemaining != certificate.DaysRemaining)
        {
            _stateDirty = true;
        }

        state.State.Certificate = certificate;
    }

    private void OweIncidentChange(IncidentChange change)
    {
        var pending = state.State.PendingIncidentChanges;
        pending.Add(change);
        while (pending.Count > MaxPendingIncidentChanges)
        {
            logger.LogWarning("Monitor {MonitorId} owes too many incident writes; dropping the oldest ({At})", MonitorId, pending[0].At);
            pending.RemoveAt(0);
        }
    }

    /// <summary>
    /// Applies the owed incident writes in order. Each is idempotent (an open adopts the incident already open or
    /// already written for that start; a resolve closes whatever is open), so one applied twice after a crash changes nothing.
    /// </summary>
    private async Task ApplyIncidentChangesAsync()
    {
        var pending = state.State.PendingIncidentChanges;
        while (pending.Count > 0)
        {
            var change = pending[0];
            if (change.Opens)
            {
                state.State.OpenIncidentId = await storage.Incidents.OpenAsync(MonitorId, state.State.WorkspaceId, change.At, change.Text);
            }
            else
            {
                await storage.Incidents.ResolveOpenAsync(MonitorId, change.At, change.Text);
                state.State.OpenIncidentId = null;
            }

            pending.RemoveAt(0);
            _stateDirty = true;
        }
    }

    /// <summary>
    /// The incident table is the source of truth for an open incident: one found open (say, written just before a
    /// crash that lost the state write) makes the monitor down with it, so its next success resolves it.
    /// </summary>
    private async Task ReconcileWithIncidentTableAsync(CancellationToken cancellationToken)
    {
        if (state.State.PendingIncidentChanges.Count > 0)
        {
            return; // the owed writes come first; they leave the table as the state expects
        }

        var open = await storage.Incidents.OpenIdAsync(MonitorId, cancellationToken);
        if (open is { } id)
        {
            if (state.State.OpenIncidentId != id || !state.State.IsDown || state.State.OutageSuppressed)
            {
                logger.LogInformation("Monitor {MonitorId} adopts its open incident {IncidentId}", MonitorId, id);
                state.State.OpenIncidentId = id;
                state.State.IsDown = true;
                state.State.OutageSuppressed = false;
                state.State.SuppressedByDependency = false;
                _outage = NewDetector(Config, true);
                _stateDirty = true;
            }
        }
        else if (state.State.OpenIncidentId is not null)
        {
            state.State.OpenIncidentId = null;
            _stateDirty = true;
        }
    }

    private async Task CompleteRemovalAsync()
    {
        try
        {
            await RemoveStoredDataAsync(detached: false);
            state.State = new MonitorState();
            _timer?.Dispose();
            _timer = null;
            DeactivateOnIdle();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Removing monitor {MonitorId} failed again; retrying in {Delay}", MonitorId, RemovalRetryDelay);
            Arm(time.GetUtcNow() + RemovalRetryDelay);
        }
    }

    private void RecordFailed(Exception ex)
    {
        faults.RecordFailed();
        if (faults.Warnings.Allow(out var heldBack))
        {
            logger.LogWarning(
                ex,
                "Monitor {MonitorId} could not record a result completely; its next probe is planned anyway ({HeldBack} similar warnings held back, {Total} on this silo so far)",
                MonitorId,
                heldBack,
                faults.RecordFailures);
        }
    }

    private void Arm(DateTimeOffset plannedStart)
    {
        _armedFor = plannedStart;
        var due = plannedStart - time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The first planned start: the next grid point, or for a push monitor its deadline.</summary>
    private DateTimeOffset FirstStart(MonitorConfig config, DateTimeOffset now)
    {
        if (config.Heartbeat is { } push)
        {
            var window = Scaled(push.IntervalSeconds + push.GraceSeconds);
            var from = _figures.LastCheck is { } last && last > now - window ? last : now;
            _beatDeadline = from + window;
            return _beatDeadline;
        }

        return ProbeSchedule.NextStart(MonitorId, IntervalOf(config), now);
    }

    /// <summary>How long the planned start may lie in the past before the reminder decides the timer has stopped.</summary>
    private TimeSpan StaleAfter(MonitorConfig config) =>
        (2 * (config.Heartbeat is { } push ? Scaled(push.IntervalSeconds + push.GraceSeconds) : IntervalOf(config)))
        + TimeSpan.FromSeconds(config.RequestTimeout) + ProbeGrace;

    /// <summary>
    /// Asks for the figures stored before this activation; they arrive as <see cref="RestoreFiguresAsync"/> while the
    /// monitor already probes. Results recorded meanwhile are kept aside and replayed onto the restored figures.
    /// </summary>
    private void LoadStoredFigures()
    {
        _liveSinceActivation = [];
        var sink = this.AsReference<IMonitorWorkSink>();
        figureLoader.Start(MonitorId, time.GetUtcNow(), _options.RecentHeartbeats, figures => sink.RestoreFiguresAsync(figures));
    }

    public Task RestoreFiguresAsync(StoredFigures figures)
    {
        if (!IsActive || _liveSinceActivation is not { } live)
        {
            return Task.CompletedTask; // a load of an earlier activation, or already restored
        }

        var restored = new MonitorFigures(_options.RecentHeartbeats);
        foreach (var hour in restored.Restore(figures))
        {
            logger.LogWarning("Monitor {MonitorId}: the stored latency histogram of {Hour} does not parse; left out", MonitorId, LatencyWindow.StartOfHour(hour));
        }

        foreach (var heartbeat in live)
        {
            restored.Observe(heartbeat);
        }

        _figures = restored;
        _liveSinceActivation = null;
        ReportToWorkspace();
        return Task.CompletedTask;
    }

    /// <summary>Hands the histogram of <paramref name="hour"/> to the writer, to be stored for the next activation.</summary>
    private void StoreLatencyHour(long hour)
    {
        if (_figures.ExportHour(hour) is { } histogram)
        {
            storage.Writer.LatencyHours.Add(MonitorId, hour, histogram);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (IsActive && _figures.CurrentHour >= 0)
        {
            StoreLatencyHour(_figures.CurrentHour); // the hour so far: complete for what this activation saw
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes the state when it changed. A conflict means another activation owns this monitor: this one steps down.</summary>
    private async Task SaveStateAsync()
    {
        if (!_stateDirty)
        {
            return;
        }

        try
        {
            await state.WriteStateAsync();
            _stateDirty = false;
        }
        catch (InconsistentStateException ex)
        {
            faults.StateWriteFailed();
            logger.LogWarning(ex, "Monitor {MonitorId} lost a state-write race; this activation steps down", MonitorId);
            DeactivateOnIdle();
            throw;
        }
        catch
        {
            faults.StateWriteFailed();
            throw;
        }
    }

    private async Task<bool> BestEffortAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Monitor {MonitorId} could not {What}; the next activation finishes it", MonitorId, what);
            return false;
        }
    }

    private void ReportToWorkspace() => Workspace.ReportDeviceAsync(Summary()).Ignore();

    private string Status(DateTimeOffset now) =>
        state.State.Maintenance?.Covers(now) == true ? "maintenance"
        : _figures.LastCheck is null ? "pending"
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
            _figures.LastCheck,
            _figures.Newest?.Latency,
            _figures.Summary(now, Day).UptimePercentage);
    }

    private MonitorSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        var day = _figures.Summary(now, Day);
        return new MonitorSnapshot
        {
            MonitorId = MonitorId,
            WorkspaceId = state.State.WorkspaceId,
            OwnerEmail = state.State.OwnerEmail,
            Config = Config,
            UptimePercentage = day.UptimePercentage,
            AverageHeartbeatLatency = day.AverageLatencyMs,
            LastCheck = _figures.LastCheck,
            NextCheck = _timer is null ? null : _inFlight is not null ? _inFlight.StartedAt : _armedFor,
            Heartbeats = _figures.NewestFirst(),
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

    /// <summary>The snapshot with the device's tags and parent, which the workspace indexes; taken before asking, as reads interleave with changes.</summary>
    private async Task<MonitorSnapshot> SnapshotWithTagsAsync()
    {
        var snapshot = Snapshot();
        var links = await Workspace.LinksOfAsync(MonitorId);
        return snapshot with { Tags = links.Tags, ParentId = links.ParentId };
    }

    private LatencyPercentiles Percentiles(string name, DateTimeOffset now, TimeSpan window)
    {
        var p = _figures.Percentiles(now, window);
        return new LatencyPercentiles(name, p.Count, p.P50, p.P95, p.P99);
    }

    private static Dictionary<string, string> IntervalBelowPlan(int minimum) =>
        new() { [MonitorField.Interval] = $"Interval must be at least {minimum} seconds on this workspace's plan" };

    private static Dictionary<string, string> ParentRefused(string why) => new() { [MonitorField.ParentId] = why };

    /// <summary>Active, of the caller's workspace and inside its project scope: a monitor outside any of these answers as a missing one.</summary>
    private bool BelongsTo(WorkspaceAccess caller) =>
        IsActive && state.State.WorkspaceId == caller.WorkspaceId && caller.Sees(state.State.ProjectId);

    private OutageDetector NewDetector(MonitorConfig config, bool isDown) =>
        new(config.Type == MonitorType.Heartbeat ? 1 : _options.FailuresBeforeDown, isDown);

    private TimeSpan IntervalOf(MonitorConfig config) => Scaled(config.Interval);

    private TimeSpan PushWindow(MonitorConfig config) =>
        config.Heartbeat is { } push ? Scaled(push.IntervalSeconds + push.GraceSeconds) : IntervalOf(config);

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

    /// <summary>A dispatched probe the monitor waits for, and when it stops waiting.</summary>
    private sealed record InFlightProbe(long Id, DateTimeOffset PlannedStart, DateTimeOffset StartedAt, DateTimeOffset Deadline);
}
