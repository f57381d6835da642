using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Workspaces;

/// <summary>
/// A workspace: projects, the device index (device → project, tags) and, in memory only, the newest summary of every
/// device as its monitor grain reports it, so project lists answer without asking thousands of grains.
/// </summary>
[GrainType("workspace")]
public sealed class WorkspaceGrain(
    [PersistentState("workspace", StorageNames.Monitors)] IPersistentState<WorkspaceState> state,
    MonitorDirectory directory,
    TimeProvider time) : Grain, IWorkspaceGrain
{
    private const string DefaultProjectName = "Default";
    private static readonly TimeSpan RefreshAllPeriod = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, DeviceSummary> _summaries = [];
    private readonly Dictionary<Guid, DeviceEntry> _devices = [];
    private DateTimeOffset _lastRefreshAll = DateTimeOffset.MinValue;
    private bool _summariesLoaded;

    private Guid WorkspaceId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (monitorId, projectId, tags) in await directory.OfWorkspaceAsync(WorkspaceId, cancellationToken))
        {
            _devices[monitorId] = new DeviceEntry(projectId, tags);
        }
    }

    public async Task<IReadOnlyList<ProjectInfo>> ListProjectsAsync()
    {
        await EnsureDefaultProjectAsync();
        await LoadSummariesAsync();
        var byProject = _devices.ToLookup(d => d.Value.ProjectId, d => Summary(d.Key, d.Value));
        return state.State.Projects.Values
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id)
            .Select(p => Info(p, byProject[p.Id].OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id).ToArray()))
            .ToArray();
    }

    public async Task<ProjectOutcome> CreateProjectAsync(string name, string? description)
    {
        if (!TryValidate(name, description, out var errors))
        {
            return new ProjectOutcome { Errors = errors };
        }

        await EnsureDefaultProjectAsync();
        var project = new ProjectRecord(Guid.NewGuid(), name.Trim(), Clean(description), time.GetUtcNow());
        state.State.Projects[project.Id] = project;
        await state.WriteStateAsync();
        return new ProjectOutcome { Project = Info(project, []) };
    }

    public async Task<ProjectOutcome> UpdateProjectAsync(Guid projectId, string name, string? description)
    {
        if (!state.State.Projects.TryGetValue(projectId, out var project))
        {
            return new ProjectOutcome { NotFound = true };
        }

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

    public async Task<bool> DeleteProjectAsync(Guid projectId)
    {
        if (!state.State.Projects.Remove(projectId))
        {
            return false;
        }

        var devices = _devices.Where(d => d.Value.ProjectId == projectId).Select(d => d.Key).ToArray();
        foreach (var device in devices)
        {
            _devices.Remove(device);
            _summaries.Remove(device);
        }

        if (state.State.DefaultProjectId == projectId)
        {
            state.State.DefaultProjectId = null;
        }

        await state.WriteStateAsync();
        // The devices are out of the index first, so their monitors delete without calling back into this grain.
        foreach (var batch in devices.Chunk(64))
        {
            await Task.WhenAll(batch.Select(device => GrainFactory.GetGrain<IMonitorGrain>(device).DeleteDetachedAsync(WorkspaceId)));
        }

        return true;
    }

    public Task<bool> HasProjectAsync(Guid projectId) => Task.FromResult(state.State.Projects.ContainsKey(projectId));

    public async Task<DeviceRegistration> RegisterDeviceAsync(DeviceSummary device, Guid? projectId)
    {
        var target = projectId ?? await EnsureDefaultProjectAsync();
        if (!state.State.Projects.ContainsKey(target))
        {
            return new DeviceRegistration(null);
        }

        // The monitor grain writes its om_monitors row (project included) right after this answer.
        var tags = _devices.TryGetValue(device.Id, out var existing) ? existing.Tags : [];
        _devices[device.Id] = new DeviceEntry(target, tags);
        _summaries[device.Id] = device with { ProjectId = target };
        return new DeviceRegistration(target);
    }

    public Task UnregisterDeviceAsync(Guid deviceId)
    {
        _summaries.Remove(deviceId);
        _devices.Remove(deviceId);
        return Task.CompletedTask;
    }

    public Task ReportDeviceAsync(DeviceSummary device)
    {
        if (_devices.TryGetValue(device.Id, out var entry))
        {
            _summaries[device.Id] = device with { ProjectId = entry.ProjectId };
        }

        return Task.CompletedTask;
    }

    public Task<Guid?> ProjectOfAsync(Guid deviceId) =>
        Task.FromResult(_devices.TryGetValue(deviceId, out var entry) ? entry.ProjectId : (Guid?)null);

    public Task<IReadOnlyList<Guid>> DeviceIdsAsync(Guid? projectId = null) =>
        Task.FromResult<IReadOnlyList<Guid>>(_devices.Where(d => projectId is null || d.Value.ProjectId == projectId).Select(d => d.Key).ToArray());

    public Task<IReadOnlyList<string>> TagsOfAsync(Guid deviceId) =>
        Task.FromResult(_devices.TryGetValue(deviceId, out var entry) ? entry.Tags : (IReadOnlyList<string>)[]);

    public async Task<TagsOutcome> SetTagsAsync(Guid deviceId, IReadOnlyList<string> tags)
    {
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
        return new TagsOutcome(null, normalized, []);
    }

    public async Task<TagsOutcome> BulkTagsAsync(TagOperation operation, IReadOnlyList<Guid> deviceIds, IReadOnlyList<string> tags)
    {
        if (!TagRules.TryNormalize(tags, out var normalized, out var error))
        {
            return new TagsOutcome(error, [], []);
        }

        var missing = new List<Guid>();
        var changes = new List<(Guid, IReadOnlyList<string>)>();
        foreach (var id in deviceIds.Distinct())
        {
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

        await directory.SetTagsAsync(WorkspaceId, changes);
        foreach (var (id, changed) in changes)
        {
            _devices[id] = _devices[id] with { Tags = changed };
        }

        return new TagsOutcome(null, normalized, missing);
    }

    public Task<IReadOnlyList<TagCount>> ListTagsAsync() =>
        Task.FromResult<IReadOnlyList<TagCount>>(_devices.Values
            .SelectMany(d => d.Tags)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderBy(t => t.Tag, StringComparer.Ordinal)
            .ToArray());

    public Task<TimeSpan> ClaimRefreshAllAsync()
    {
        var now = time.GetUtcNow();
        var wait = _lastRefreshAll + RefreshAllPeriod - now;
        if (wait > TimeSpan.Zero)
        {
            return Task.FromResult(wait);
        }

        _lastRefreshAll = now;
        return Task.FromResult(TimeSpan.Zero);
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
            var summaries = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IMonitorGrain>(id).GetSummaryAsync(WorkspaceId)));
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

        if (description is { Length: > 1000 })
        {
            found["description"] = "Description must be at most 1000 characters";
        }

        errors = found;
        return found.Count == 0;
    }
}
