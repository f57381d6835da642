using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using OrleansMonitor.GrainInterfaces.Analytics;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Workspaces;

/// <summary>
/// A workspace: projects, the device index (device → project, tags) and, in memory only, the newest summary of every
/// device as its monitor grain reports it, so project lists answer without asking thousands of grains. Commands carry
/// their caller and are answered within its project scope; fan-outs over devices run here in bounded batches (see
/// <see cref="IWorkspaceGrain"/> on reentrancy).
/// </summary>
[GrainType("workspace")]
public sealed class WorkspaceGrain(
    [PersistentState("workspace", StorageNames.Monitors)] IPersistentState<WorkspaceState> state,
    MonitorDirectory directory,
    MembershipStore memberships,
    Microsoft.Extensions.Options.IOptions<PlansOptions> plans,
    EgressPolicy egress,
    DeliveryOutbox outbox,
    TimeProvider time,
    ILogger<WorkspaceGrain> logger) : Grain, IWorkspaceGrain
{
    private const string DefaultProjectName = "Default";

    /// <summary>Monitor calls outstanding at most per fan-out (refresh-all, maintenance, project deletion).</summary>
    private const int FanOutBatch = 64;

    /// <summary>Devices per tag write (one statement each).</summary>
    private const int TagWriteBatch = 500;

    /// <summary>Open incidents the support summary counts at most.</summary>
    private const int SummaryIncidentLimit = 500;

    private static readonly TimeSpan RefreshAllPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Limits the warnings of changes not passed on to the status pages (see <see cref="TellStatusPages"/>).</summary>
    private static readonly Diagnostics.LogThrottle StatusPageWarnings = new();
    private readonly Dictionary<Guid, DeviceSummary> _summaries = [];
    private readonly Dictionary<Guid, DeviceEntry> _devices = [];
    private readonly Dictionary<Guid, WorkspaceAccess> _members = [];
    private static readonly TimeSpan DeletionRetryDelay = TimeSpan.FromSeconds(5);
    private DateTimeOffset _lastRefreshAll = DateTimeOffset.MinValue;

    /// <summary>
    /// Parent changes are checked and written one at a time (device updates interleave): two edits that would together
    /// close a cycle never both pass the check against the same index.
    /// </summary>
    private readonly SemaphoreSlim _parentChanges = new(1, 1);
    private bool _summariesLoaded;
    private IGrainTimer? _deletionRetry;

    private Guid WorkspaceId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (monitorId, projectId, tags, parentId) in await directory.OfWorkspaceAsync(WorkspaceId, cancellationToken))
        {
            _devices[monitorId] = new DeviceEntry(projectId, tags, parentId);
        }

        foreach (var (userId, role, scope) in await memberships.MembersAsync(WorkspaceId))
        {
            _members[userId] = new WorkspaceAccess(WorkspaceId, userId, role, scope);
        }

        if (state.State.DeletingProjects.Count > 0)
        {
            ScheduleDeletionRetry(); // a project deletion interrupted before this activation resumes
        }
    }

    public Task<WorkspaceAccess?> AccessOfAsync(Guid userId)
    {
        var access = userId == WorkspaceId ? new WorkspaceAccess(WorkspaceId, userId, WorkspaceRole.Owner, null) : _members.GetValueOrDefault(userId);
        return Task.FromResult(access is null ? null : access with { Plan = Plan, WriteLocked = IsWriteLocked });
    }

    public async Task SetPlanAsync(string plan)
    {
        if (plan is not (PlansOptions.Free or PlansOptions.Premium))
        {
            throw new ArgumentOutOfRangeException(nameof(plan), plan, "A plan is free or premium");
        }

        state.State.Plan = plan;
        await state.WriteStateAsync();
    }

    public Task<PlanStatus> PlanStatusAsync()
    {
        var limits = Limits;
        return Task.FromResult(new PlanStatus(Plan, limits.Projects, limits.Devices, limits.Tokens, limits.MinIntervalSeconds, state.State.Projects.Count, _devices.Count, IsWriteLocked));
    }

    private string Plan => state.State.Plan ?? plans.Value.DefaultPlan;

    private PlanLimits Limits => plans.Value.LimitsOf(Plan);

    /// <summary>Above the plan's limits (e.g. after a downgrade): reads keep working, writes are refused until back within them.</summary>
    private bool IsWriteLocked => state.State.Projects.Count > Limits.Projects || _devices.Count > Limits.Devices;

    public async Task<InvitationOutcome> InviteAsync(Guid invitedBy, string email, WorkspaceRole role, IReadOnlyList<Guid>? projectScope, TimeSpan validFor)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        email = email.Trim();
        if (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors["email"] = "email must be a valid address";
        }

        if (role == WorkspaceRole.Owner)
        {
            errors["role"] = "role must be admin, editor or viewer";
        }

        // An inviter grants no more than it holds: a role up to its own, projects within its own scope. Checked before
        // the projects exist, so a scoped inviter learns nothing about projects outside its scope.
        var inviter = invitedBy == WorkspaceId ? new WorkspaceAccess(WorkspaceId, invitedBy, WorkspaceRole.Owner, null) : _members.GetValueOrDefault(invitedBy);
        if (inviter is null || role > inviter.Role)
        {
            return new InvitationOutcome(null, null, "forbidden_role");
        }

        if (inviter.ProjectScope is { } own && (projectScope is null || projectScope.Any(p => !own.Contains(p))))
        {
            return new InvitationOutcome(null, null, "forbidden_scope");
        }

        if (projectScope is { } scope && (scope.Count == 0 || scope.Any(p => !state.State.Projects.ContainsKey(p))))
        {
            errors["projectIds"] = "projectIds must name at least one project of this workspace";
        }

        if (errors.Count > 0)
        {
            return new InvitationOutcome(null, null, "validation_failed", errors);
        }

        var now = time.GetUtcNow();
        var token = Identity.SecretToken.New("omi_");
        var invitation = new InvitationRecord(Guid.NewGuid(), WorkspaceId, email, role, projectScope?.Distinct().ToArray(), now, now + validFor, null, null);
        await memberships.AddInvitationAsync(invitation, invitedBy, Identity.SecretToken.Hash(token));
        return new InvitationOutcome(invitation.ToInfo(now), token, null);
    }

    public async Task<IReadOnlyList<InvitationInfo>> ListInvitationsAsync()
    {
        var now = time.GetUtcNow();
        return (await memberships.InvitationsAsync(WorkspaceId)).Select(i => i.ToInfo(now)).ToArray();
    }

    public async Task<InvitationOutcome> CancelInvitationAsync(Guid invitationId)
    {
        var invitation = await memberships.InvitationAsync(invitationId);
        if (invitation is null || invitation.WorkspaceId != WorkspaceId)
        {
            return new InvitationOutcome(null, null, "invitation_not_found");
        }

        var now = time.GetUtcNow();
        if (invitation.StatusAt(now) is "accepted" or "cancelled")
        {
            return new InvitationOutcome(invitation.ToInfo(now), null, "invitation_" + (invitation.AcceptedAt is null ? "cancelled" : "used"));
        }

        await memberships.MarkCancelledAsync(invitationId, now);
        return new InvitationOutcome((invitation with { CancelledAt = now }).ToInfo(now), null, null);
    }

    public async Task<InvitationOutcome> AcceptInvitationAsync(Guid invitationId, Guid userId, string email)
    {
        var invitation = await memberships.InvitationAsync(invitationId);
        var now = time.GetUtcNow();
        if (invitation is null || invitation.WorkspaceId != WorkspaceId)
        {
            return new InvitationOutcome(null, null, "invitation_not_found");
        }

        var refusal = invitation.StatusAt(now) switch
        {
            "accepted" => "invitation_used",
            "cancelled" => "invitation_cancelled",
            "expired" => "invitation_expired",
            _ when !string.Equals(invitation.Email, email, StringComparison.OrdinalIgnoreCase) => "invitation_email_mismatch",
            _ when userId == WorkspaceId => "invitation_used",
            _ => null,
        };
        if (refusal is not null || !await memberships.MarkAcceptedAsync(invitationId, userId, now))
        {
            return new InvitationOutcome(invitation.ToInfo(now), null, refusal ?? "invitation_used");
        }

        // Scoped projects deleted since the invitation are dropped; a scope left empty falls back to none of them.
        var scope = invitation.ProjectScope?.Where(state.State.Projects.ContainsKey).ToArray();
        await memberships.UpsertMemberAsync(WorkspaceId, userId, invitation.Role, scope);
        _members[userId] = new WorkspaceAccess(WorkspaceId, userId, invitation.Role, scope);
        return new InvitationOutcome((invitation with { AcceptedAt = now }).ToInfo(now), null, null);
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListProjectsAsync(WorkspaceAccess caller)
    {
        EnsureOfThisWorkspace(caller);
        await EnsureDefaultProjectAsync();
        await LoadSummariesAsync();
        var byProject = _devices.ToLookup(d => d.Value.ProjectId, d => Summary(d.Key, d.Value));
        return state.State.Projects.Values
            .Where(p => caller.Sees(p.Id))
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .Select(p => Info(p, byProject[p.Id].OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id).ToArray()))
            .ToArray();
    }

    public async Task<ProjectOutcome> CreateProjectAsync(WorkspaceAccess caller, string name, string? description)
    {
        EnsureOfThisWorkspace(caller);
        if (caller.IsScoped)
        {
            // A new project would lie outside the member's scope.
            return new ProjectOutcome { ScopeForbids = true };
        }

        if (!TryValidate(name, description, out var errors))
        {
            return new ProjectOutcome { Errors = errors };
        }

        await EnsureDefaultProjectAsync();
        if (state.State.Projects.Count >= Limits.Projects)
        {
            return new ProjectOutcome { PlanLimitReached = true };
        }

        var project = new ProjectRecord(Guid.NewGuid(), name.Trim(), Clean(description), time.GetUtcNow());
        state.State.Projects[project.Id] = project;
        await state.WriteStateAsync();
        return new ProjectOutcome { Project = Info(project, []) };
    }

    public async Task<ProjectOutcome> UpdateProjectAsync(WorkspaceAccess caller, Guid projectId, string? name, string? description, bool replaceDescription)
    {
        EnsureOfThisWorkspace(caller);
        if (!caller.Sees(projectId) || !state.State.Projects.TryGetValue(projectId, out var project))
        {
            return new ProjectOutcome { NotFound = true };
        }

        name ??= project.Name;
        description = replaceDescription ? description : project.Description;
        if (!TryValidate(name, description, out var errors))
        {
            return new ProjectOutcome { Errors = errors };
        }

        project = project with { Name = name.Trim(), Description = Clean(description) };
        state.State.Projects[projectId] = project;
        await state.WriteStateAsync();
        await LoadSummariesAsync();
        return new ProjectOutcome { Project = Info(project, DevicesOf(projectId)) };
    }

    /// <summary>
    /// Deletes the project at once (it is gone for every reader) and then its devices, in bounded batches. The deletion
    /// is durable: devices that could not be deleted now are retried by a timer, and after a re-activation, until none is left.
    /// </summary>
    public async Task<bool> DeleteProjectAsync(WorkspaceAccess caller, Guid projectId)
    {
        EnsureOfThisWorkspace(caller);
        if (!caller.Sees(projectId) || !state.State.Projects.Remove(projectId, out var project))
        {
            return false;
        }

        var wasDefault = state.State.DefaultProjectId == projectId;
        state.State.AlertSettings.Remove(projectId, out var alertSettings);
        state.State.DeletingProjects.Add(projectId);
        if (wasDefault)
        {
            state.State.DefaultProjectId = null;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Projects[projectId] = project;
            if (alertSettings is not null)
            {
                state.State.AlertSettings[projectId] = alertSettings;
            }

            state.State.DeletingProjects.Remove(projectId);
            state.State.DefaultProjectId = wasDefault ? projectId : state.State.DefaultProjectId;
            throw;
        }

        await DeleteDevicesOfDeletedProjectsAsync();
        return true;
    }

    public Task<AlertSettingsOutcome> GetAlertSettingsAsync(WorkspaceAccess caller, Guid projectId)
    {
        EnsureOfThisWorkspace(caller);
        if (!caller.Sees(projectId) || !state.State.Projects.ContainsKey(projectId))
        {
            return Task.FromResult(AlertSettingsOutcome.Missing);
        }

        var settings = state.State.AlertSettings.GetValueOrDefault(projectId) ?? ProjectAlertSettings.None;
        return Task.FromResult(new AlertSettingsOutcome(settings, OnCallRotation.Current(settings.OnCall, settings.TimeZone, time.GetUtcNow())));
    }

    public async Task<AlertSettingsOutcome> SetAlertSettingsAsync(WorkspaceAccess caller, Guid projectId, ProjectAlertSettings settings)
    {
        EnsureOfThisWorkspace(caller);
        if (!caller.Sees(projectId) || !state.State.Projects.ContainsKey(projectId))
        {
            return AlertSettingsOutcome.Missing;
        }

        if (!AlertSettingsRules.TryNormalize(settings, egress, out var normalized, out var errors))
        {
            return new AlertSettingsOutcome(null, Errors: errors);
        }

        var previous = state.State.AlertSettings.GetValueOrDefault(projectId);
        if (normalized.OnCall is { } rotation && previous?.OnCall is { } kept && kept.Members.SequenceEqual(rotation.Members)
            && kept.HandoffDay == rotation.HandoffDay && kept.HandoffTime == rotation.HandoffTime)
        {
            normalized = normalized with { OnCall = rotation with { StartsAt = kept.StartsAt } }; // the same rotation keeps its weeks
        }

        state.State.AlertSettings[projectId] = normalized;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (previous is null)
            {
                state.State.AlertSettings.Remove(projectId);
            }
            else
            {
                state.State.AlertSettings[projectId] = previous;
            }

            throw;
        }

        return new AlertSettingsOutcome(normalized, OnCallRotation.Current(normalized.OnCall, normalized.TimeZone, time.GetUtcNow()));
    }

    /// <summary>Deletes the remaining devices of deleted projects; what fails is left for the retry timer.</summary>
    private async Task DeleteDevicesOfDeletedProjectsAsync()
    {
        foreach (var projectId in state.State.DeletingProjects.ToArray())
        {
            var devices = _devices.Where(d => d.Value.ProjectId == projectId).Select(d => d.Key).ToArray();
            var failed = 0;
            foreach (var batch in devices.Chunk(FanOutBatch))
            {
                // The monitors delete without calling back into this grain (it is busy with this very call).
                var outcomes = await Task.WhenAll(batch.Select(DeleteDetachedDeviceAsync));
                failed += outcomes.Count(done => !done);
            }

            if (failed > 0)
            {
                logger.LogWarning("Deleting project {ProjectId} of workspace {WorkspaceId}: {Failed} of {Count} devices are left; retrying", projectId, WorkspaceId, failed, devices.Length);
                ScheduleDeletionRetry();
                continue;
            }

            state.State.DeletingProjects.Remove(projectId);
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Deleting project {ProjectId} of workspace {WorkspaceId}: its end could not be recorded; retrying", projectId, WorkspaceId);
                state.State.DeletingProjects.Add(projectId);
                ScheduleDeletionRetry();
            }
        }
    }

    /// <summary>True when the device is gone (or was never there); false when its deletion failed and must be retried.</summary>
    private async Task<bool> DeleteDetachedDeviceAsync(Guid deviceId)
    {
        try
        {
            if (!await GrainFactory.GetGrain<IMonitorGrain>(deviceId).DeleteDetachedAsync(WorkspaceId))
            {
                // No such monitor in this workspace any more: only its index row is left.
                await directory.RemoveAsync(deviceId);
            }

            _devices.Remove(deviceId);
            _summaries.Remove(deviceId);
            ForgetAsParent(deviceId);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Deleting device {DeviceId} of a deleted project failed", deviceId);
            return false;
        }
    }

    private void ScheduleDeletionRetry()
    {
        _deletionRetry ??= this.RegisterGrainTimer(
            async _ =>
            {
                _deletionRetry?.Dispose();
                _deletionRetry = null;
                await DeleteDevicesOfDeletedProjectsAsync();
            },
            new GrainTimerCreationOptions(DeletionRetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    public async Task<DeviceRegistration> RegisterDeviceAsync(DeviceSummary device, Guid? projectId, int intervalSeconds, ParentLink? parent = null)
    {
        if (intervalSeconds < Limits.MinIntervalSeconds)
        {
            return new DeviceRegistration(null, MinIntervalSeconds: Limits.MinIntervalSeconds);
        }

        var target = projectId ?? await EnsureDefaultProjectAsync();
        if (!state.State.Projects.ContainsKey(target))
        {
            return new DeviceRegistration(null);
        }

        if (!_devices.ContainsKey(device.Id) && _devices.Count >= Limits.Devices)
        {
            return new DeviceRegistration(null, LimitReached: true);
        }

        await _parentChanges.WaitAsync();
        try
        {
            var existing = _devices.GetValueOrDefault(device.Id);
            if (parent?.ParentId is { } parentId && ParentRefusal(parent.Caller, device.Id, parentId) is { } refused)
            {
                return new DeviceRegistration(null, ParentRefused: refused);
            }

            // The index row first: a device is counted and listed only once its row is written, so a failed write leaves
            // nothing here to undo. The monitor has written its "creating" state before, so an interrupted create is found.
            await directory.UpsertAsync(device.Id, WorkspaceId, target, device.Type, device.Name);
            var parentAfter = existing?.ParentId;
            if (parent is not null)
            {
                await directory.SetParentAsync(device.Id, WorkspaceId, parent.ParentId);
                parentAfter = parent.ParentId;
            }

            var tags = existing?.Tags ?? [];
            _devices[device.Id] = new DeviceEntry(target, tags, KnownParent(parentAfter));
            _summaries[device.Id] = device with { ProjectId = target };
            return new DeviceRegistration(target, Tags: tags, ParentId: _devices[device.Id].ParentId);
        }
        finally
        {
            _parentChanges.Release();
        }
    }

    public async Task<DeviceRegistration> UpdateDeviceAsync(DeviceSummary device, int intervalSeconds, ParentLink? parent = null)
    {
        if (intervalSeconds < Limits.MinIntervalSeconds)
        {
            return new DeviceRegistration(null, MinIntervalSeconds: Limits.MinIntervalSeconds);
        }

        if (parent is not null)
        {
            return await UpdateDeviceWithParentAsync(device, parent);
        }

        // Only the row changes here (memory follows the monitor's next report), so interleaving with other turns is safe.
        var project = _devices.TryGetValue(device.Id, out var entry) ? entry.ProjectId : device.ProjectId;
        await directory.UpsertAsync(device.Id, WorkspaceId, project, device.Type, device.Name);
        return _devices.TryGetValue(device.Id, out var now)
            ? new DeviceRegistration(project, Tags: now.Tags, ParentId: now.ParentId)
            : new DeviceRegistration(project, Tags: []);
    }

    /// <summary>
    /// A device update that changes the parent: checked against the index and written while no other parent change
    /// runs; the index in memory follows the written row. A refusal writes nothing.
    /// </summary>
    private async Task<DeviceRegistration> UpdateDeviceWithParentAsync(DeviceSummary device, ParentLink parent)
    {
        await _parentChanges.WaitAsync();
        try
        {
            if (!_devices.TryGetValue(device.Id, out var entry))
            {
                return new DeviceRegistration(null, ParentRefused: "the device is not indexed in this workspace");
            }

            if (parent.ParentId is { } parentId && ParentRefusal(parent.Caller, device.Id, parentId) is { } refused)
            {
                return new DeviceRegistration(entry.ProjectId, Tags: entry.Tags, ParentId: entry.ParentId, ParentRefused: refused);
            }

            await directory.SetParentAsync(device.Id, WorkspaceId, parent.ParentId);
            await directory.UpsertAsync(device.Id, WorkspaceId, entry.ProjectId, device.Type, device.Name);
            var parentAfter = KnownParent(parent.ParentId);
            if (_devices.TryGetValue(device.Id, out var current))
            {
                _devices[device.Id] = current with { ParentId = parentAfter };
            }

            return new DeviceRegistration(entry.ProjectId, Tags: current?.Tags ?? entry.Tags, ParentId: parentAfter);
        }
        finally
        {
            _parentChanges.Release();
        }
    }

    /// <summary>Why the caller may not make <paramref name="parentId"/> the parent of <paramref name="deviceId"/>, or null (see <see cref="DependencyRules"/>).</summary>
    private string? ParentRefusal(WorkspaceAccess caller, Guid deviceId, Guid parentId)
    {
        EnsureOfThisWorkspace(caller);
        return DependencyRules.RefusalFor(
            deviceId,
            parentId,
            id => _devices.TryGetValue(id, out var entry) && caller.Sees(entry.ProjectId),
            id => _devices.TryGetValue(id, out var entry) ? entry.ParentId : null);
    }

    /// <summary>A parent deleted while its link was written is no parent (the row's deletion cleared the column).</summary>
    private Guid? KnownParent(Guid? parentId) => parentId is { } id && _devices.ContainsKey(id) ? id : null;

    /// <summary>A device gone from the index is no one's parent any more (in the table, its row's deletion cleared the links).</summary>
    private void ForgetAsParent(Guid deviceId)
    {
        foreach (var (id, entry) in _devices.Where(d => d.Value.ParentId == deviceId).ToArray())
        {
            _devices[id] = entry with { ParentId = null };
        }
    }

    public async Task UnregisterDeviceAsync(Guid deviceId)
    {
        // Gone for every reader at once; the row follows (a failure throws, and the monitor's removal retries it).
        _summaries.Remove(deviceId);
        _devices.Remove(deviceId);
        ForgetAsParent(deviceId);
        await directory.RemoveAsync(deviceId);
    }

    public Task UnindexDeviceAsync(Guid deviceId) => directory.RemoveAsync(deviceId);

    public Task ReportDeviceAsync(DeviceSummary device)
    {
        if (_devices.TryGetValue(device.Id, out var entry))
        {
            var reported = device with { ProjectId = entry.ProjectId };
            var changed = _summaries.TryGetValue(device.Id, out var previous) && (previous.Status != reported.Status || previous.Name != reported.Name);
            _summaries[device.Id] = reported;
            if (changed)
            {
                TellStatusPages(reported);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Passes a device's change of state or name on to the workspace's status pages, one way: the pages grain never
    /// calls this grain back in a turn this grain waits for, and a lost message is made good by the pages' refresh.
    /// </summary>
    private void TellStatusPages(DeviceSummary device)
    {
        try
        {
            GrainFactory.GetGrain<GrainInterfaces.StatusPages.IStatusPagesGrain>(WorkspaceId).DeviceChangedAsync(device).Ignore();
        }
        catch (Exception ex)
        {
            if (StatusPageWarnings.Allow(out var heldBack))
            {
                logger.LogWarning(ex, "Workspace {WorkspaceId}: a change of device {DeviceId} was not passed on to the status pages ({HeldBack} similar warnings held back)", WorkspaceId, device.Id, heldBack);
            }
        }
    }

    public Task<Guid?> ProjectOfAsync(Guid deviceId) =>
        Task.FromResult(_devices.TryGetValue(deviceId, out var entry) ? entry.ProjectId : (Guid?)null);

    public Task<IReadOnlyList<Guid>> DeviceIdsAsync(Guid? projectId = null) =>
        Task.FromResult<IReadOnlyList<Guid>>(_devices.Where(d => projectId is null || d.Value.ProjectId == projectId).Select(d => d.Key).ToArray());

    public Task<IReadOnlyList<string>> TagsOfAsync(Guid deviceId) =>
        Task.FromResult(_devices.TryGetValue(deviceId, out var entry) ? entry.Tags : (IReadOnlyList<string>)[]);

    public Task<DeviceLinks> LinksOfAsync(Guid deviceId) =>
        Task.FromResult(_devices.TryGetValue(deviceId, out var entry) ? new DeviceLinks(entry.Tags, entry.ParentId) : new DeviceLinks([], null));

    public async Task<TagsOutcome> SetTagsAsync(WorkspaceAccess caller, Guid deviceId, IReadOnlyList<string> tags)
    {
        EnsureOfThisWorkspace(caller);
        if (Hides(caller, deviceId))
        {
            return new TagsOutcome(null, [], [deviceId]);
        }

        if (!TagRules.TryNormalize(tags, out var normalized, out var error))
        {
            return new TagsOutcome(error, [], []);
        }

        if (!_devices.TryGetValue(deviceId, out var entry))
        {
            return new TagsOutcome(null, [], [deviceId]);
        }

        await directory.SetTagsAsync(WorkspaceId, [(deviceId, normalized)]);
        _devices[deviceId] = entry with { Tags = normalized };
        return new TagsOutcome(null, normalized, [], 1);
    }

    /// <summary>
    /// Computes every device's new tags, then writes them in batches of <see cref="TagWriteBatch"/>, the index in
    /// memory following each written batch. A failure part-way leaves the batches before it applied (and the request
    /// failed); every operation is idempotent, so repeating it finishes the change.
    /// </summary>
    public async Task<TagsOutcome> BulkTagsAsync(WorkspaceAccess caller, TagOperation operation, IReadOnlyList<Guid> deviceIds, IReadOnlyList<string> tags)
    {
        EnsureOfThisWorkspace(caller);
        if (!TagRules.TryNormalize(tags, out var normalized, out var error))
        {
            return new TagsOutcome(error, [], []);
        }

        var missing = new List<Guid>();
        var changes = new List<(Guid Id, IReadOnlyList<string> Tags)>();
        foreach (var id in deviceIds.Distinct())
        {
            if (Hides(caller, id))
            {
                continue;
            }

            if (!_devices.TryGetValue(id, out var entry))
            {
                missing.Add(id);
                continue;
            }

            var next = operation switch
            {
                TagOperation.Add => entry.Tags.Union(normalized, StringComparer.Ordinal),
                TagOperation.Remove => entry.Tags.Except(normalized, StringComparer.Ordinal),
                _ => normalized,
            };
            changes.Add((id, next.Order(StringComparer.Ordinal).Take(TagRules.MaxTags).ToArray()));
        }

        foreach (var batch in changes.Chunk(TagWriteBatch))
        {
            await directory.SetTagsAsync(WorkspaceId, batch);
            foreach (var (id, changed) in batch)
            {
                _devices[id] = _devices[id] with { Tags = changed };
            }
        }

        return new TagsOutcome(null, normalized, missing, changes.Count);
    }

    public Task<IReadOnlyList<TagCount>> ListTagsAsync(WorkspaceAccess caller)
    {
        EnsureOfThisWorkspace(caller);
        return Task.FromResult<IReadOnlyList<TagCount>>(_devices.Values
            .Where(d => caller.Sees(d.ProjectId))
            .SelectMany(d => d.Tags)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderBy(t => t.Tag, StringComparer.Ordinal)
            .ToArray());
    }

    /// <summary>Interleaved (see <see cref="IWorkspaceGrain"/>): the slot and the devices are taken before the first await.</summary>
    public async Task<RefreshAllOutcome> RefreshAllAsync(WorkspaceAccess caller)
    {
        EnsureOfThisWorkspace(caller);
        var now = time.GetUtcNow();
        var wait = _lastRefreshAll + RefreshAllPeriod - now;
        if (wait > TimeSpan.Zero)
        {
            return new RefreshAllOutcome(wait, 0);
        }

        _lastRefreshAll = now;
        var devices = VisibleDevices(caller).ToArray();
        await FanOutAsync("refresh-all", devices, monitor => monitor.ProbeNowAsync(caller));
        return new RefreshAllOutcome(TimeSpan.Zero, devices.Length);
    }

    /// <summary>Interleaved (see <see cref="IWorkspaceGrain"/>): the devices are taken before the first await.</summary>
    public async Task<int?> SetProjectMaintenanceAsync(WorkspaceAccess caller, Guid projectId, MaintenanceWindow? window)
    {
        EnsureOfThisWorkspace(caller);
        if (!caller.Sees(projectId) || !state.State.Projects.ContainsKey(projectId))
        {
            return null;
        }

        var devices = _devices.Where(d => d.Value.ProjectId == projectId).Select(d => d.Key).ToArray();
        await FanOutAsync("project maintenance", devices, monitor => monitor.SetMaintenanceAsync(caller, window));
        return devices.Length;
    }

    /// <summary>Interleaved (see <see cref="IWorkspaceGrain"/>): the devices are taken before the first await.</summary>
    public async Task<MaintenanceOutcome> SetDevicesMaintenanceAsync(WorkspaceAccess caller, IReadOnlyList<Guid> deviceIds, MaintenanceWindow? window)
    {
        EnsureOfThisWorkspace(caller);
        var asked = deviceIds.Distinct().ToArray();
        var visible = asked.Where(id => _devices.TryGetValue(id, out var entry) && caller.Sees(entry.ProjectId)).ToArray();
        var done = await FanOutAsync("bulk maintenance", visible, monitor => monitor.SetMaintenanceAsync(caller, window));
        var updated = visible.Where((_, i) => done[i]).ToHashSet();
        return new MaintenanceOutcome(updated.Count, asked.Where(id => !updated.Contains(id)).ToArray());
    }

    public async Task<SupportSummary> SupportSummaryAsync(WorkspaceAccess caller)
    {
        var projects = await ListProjectsAsync(caller);
        var devices = projects.SelectMany(p => p.Devices).ToArray();
        var listed = devices.Select(d => d.Id).ToHashSet();

        // The analytics grain applies the scope in SQL and calls no grain back; incidents of devices no longer listed
        // (gone, or in a project being deleted) are not counted.
        var open = await GrainFactory.GetGrain<IAnalyticsGrain>(0).IncidentsAsync(caller, true, SummaryIncidentLimit);
        var counts = new DeviceStatusCounts(
            devices.Length,
            devices.Count(d => d.Status == "up"),
            devices.Count(d => d.Status == "down"),
            devices.Count(d => d.Status == "pending"),
            devices.Count(d => d.Status == "maintenance"));
        var now = time.GetUtcNow();
        return new SupportSummary(
            now, projects.Count, counts, open.Count(i => listed.Contains(i.DeviceId)), await PlanStatusAsync(), await outbox.ActivityAsync(caller.WorkspaceId, caller.ProjectScope, now));
    }

    public async Task<AlertPosture> AlertPostureAsync(WorkspaceAccess caller)
    {
        EnsureOfThisWorkspace(caller);
        await EnsureDefaultProjectAsync();

        // The rules grain calls no grain back, so awaiting it here cannot deadlock.
        var rules = GrainFactory.GetGrain<IAlertRulesGrain>(this.GetPrimaryKey());
        var owner = WorkspaceAccess.OwnerOf(this.GetPrimaryKey());
        var (email, sms) = (await rules.GetAsync(owner, ChannelKind.Email), await rules.GetAsync(owner, ChannelKind.Sms));
        var visible = state.State.Projects.Keys.Where(caller.Sees).ToArray();
        var routed = visible.Count(project =>
            state.State.AlertSettings.GetValueOrDefault(project) is { Escalation.Count: > 0 } || email.Covers(project) || sms.Covers(project));
        return new AlertPosture(
            visible.Length,
            routed,
            email.Enabled && email.Recipients.Count > 0,
            sms.Enabled && sms.Recipients.Count > 0,
            await outbox.ActivityAsync(caller.WorkspaceId, caller.ProjectScope, time.GetUtcNow()));
    }

    /// <summary>
    /// Calls every monitor of <paramref name="deviceIds"/>, at most <see cref="FanOutBatch"/> at a time, and answers
    /// what each said (false for a call that failed). Every device is asked even when some calls fail; the first
    /// failure is then rethrown as it was, so the request fails as it did when the API host made the calls.
    /// </summary>
    private async Task<bool[]> FanOutAsync(string what, IReadOnlyList<Guid> deviceIds, Func<IMonitorGrain, Task<bool>> call)
    {
        var answers = new bool[deviceIds.Count];
        Exception? firstFailure = null;
        var failed = 0;
        var offset = 0;
        foreach (var batch in deviceIds.Chunk(FanOutBatch))
        {
            var calls = batch.Select(id => call(GrainFactory.GetGrain<IMonitorGrain>(id))).ToArray();
            try
            {
                await Task.WhenAll(calls);
            }
            catch (Exception ex)
            {
                firstFailure ??= ex;
            }

            for (var i = 0; i < calls.Length; i++)
            {
                answers[offset + i] = calls[i].IsCompletedSuccessfully && calls[i].Result;
                failed += calls[i].IsCompletedSuccessfully ? 0 : 1;
            }

            offset += batch.Length;
        }

        if (firstFailure is not null)
        {
            logger.LogWarning(firstFailure, "Workspace {WorkspaceId}: {Failed} of {Count} devices failed in {FanOut}", WorkspaceId, failed, deviceIds.Count, what);
            ExceptionDispatchInfo.Throw(firstFailure);
        }

        return answers;
    }

    /// <summary>The devices of the projects the caller sees.</summary>
    private IEnumerable<Guid> VisibleDevices(WorkspaceAccess caller) =>
        _devices.Where(d => caller.Sees(d.Value.ProjectId)).Select(d => d.Key);

    /// <summary>
    /// True when a caller limited to some projects may not see the device: it is in none of them, or in no project of
    /// this workspace at all. An unscoped caller is hidden nothing (whether the device exists is the command's question).
    /// </summary>
    private bool Hides(WorkspaceAccess caller, Guid deviceId) =>
        caller.IsScoped && !(_devices.TryGetValue(deviceId, out var entry) && caller.Sees(entry.ProjectId));

    /// <summary>A caller of another workspace is a bug of the calling code, never a request to answer.</summary>
    private void EnsureOfThisWorkspace(WorkspaceAccess caller)
    {
        if (caller.WorkspaceId != WorkspaceId)
        {
            throw new ArgumentException($"The caller is of workspace {caller.WorkspaceId}, not {WorkspaceId}", nameof(caller));
        }
    }

    private async Task<Guid> EnsureDefaultProjectAsync()
    {
        if (state.State.DefaultProjectId is { } id && state.State.Projects.ContainsKey(id))
        {
            return id;
        }

        var project = new ProjectRecord(Guid.NewGuid(), DefaultProjectName, null, time.GetUtcNow());
        state.State.Projects[project.Id] = project;
        state.State.DefaultProjectId = project.Id;
        await state.WriteStateAsync();
        return project.Id;
    }

    /// <summary>After re-activation the in-memory summaries are empty: ask each device once (bounded concurrency).</summary>
    private async Task LoadSummariesAsync()
    {
        if (_summariesLoaded)
        {
            return;
        }

        // Batches of awaited calls keep the work on this activation (no thread-pool fan-out from inside a grain).
        var missing = _devices.Keys.Where(id => !_summaries.ContainsKey(id)).ToArray();
        foreach (var batch in missing.Chunk(256))
        {
            var summaries = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IMonitorGrain>(id).GetSummaryAsync(WorkspaceAccess.OwnerOf(WorkspaceId))));
            foreach (var summary in summaries)
            {
                if (summary is not null)
                {
                    _summaries.TryAdd(summary.Id, summary);
                }
            }
        }

        _summariesLoaded = true;
    }

    private IReadOnlyList<DeviceSummary> DevicesOf(Guid projectId) =>
        _devices.Where(d => d.Value.ProjectId == projectId).Select(d => Summary(d.Key, d.Value)).ToArray();

    private DeviceSummary Summary(Guid id, DeviceEntry entry) =>
        _summaries.TryGetValue(id, out var summary)
            ? summary
            : new DeviceSummary(id, entry.ProjectId, "", MonitorType.Http, "pending", null, null, 0);

    private ProjectInfo Info(ProjectRecord project, IReadOnlyList<DeviceSummary> devices) =>
        new(project.Id, project.Name, project.Description, project.CreatedAt, project.Id == state.State.DefaultProjectId, devices);

    private static string? Clean(string? description) => string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    private static bool TryValidate(string name, string? description, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (name.Trim().Length is < 1 or > 100)
        {
            found["name"] = "Name must be between 1 and 100 characters";
        }
        else if (!Text.OneLineText.IsValid(name.Trim()))
        {
            found["name"] = "Name must be one line of text without control characters";
        }

        if (description is { Length: > 1000 })
        {
            found["description"] = "Description must be at most 1000 characters";
        }
        else if (description is not null && !Text.StoredText.IsClean(description))
        {
            found["description"] = "Description must not contain NUL characters or lone surrogates";
        }

        errors = found;
        return found.Count == 0;
    }
}
