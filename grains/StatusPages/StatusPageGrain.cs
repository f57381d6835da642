using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Identity;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// One status page: its row (settings, token hash) and newest updates read once at activation, its projects' devices
/// read from the workspace grain at activation and then kept current by the changes the workspace tells (and a
/// periodic refresh, <see cref="StatusPageOptions.DeviceRefreshPeriod"/>), and the public view with its entity tag,
/// rebuilt when any of these changes. A read of the share URL is answered from memory.
/// </summary>
[GrainType("status-page")]
public sealed class StatusPageGrain(
    StatusPageStore store,
    IOptions<StatusPageOptions> options,
    StatusPageFaults faults,
    TimeProvider time,
    ILogger<StatusPageGrain> logger) : Grain, IStatusPageGrain
{
    private readonly Dictionary<Guid, DeviceSummary> _devices = [];
    private readonly Dictionary<Guid, string> _projectNames = [];
    private List<StatusUpdateInfo> _updates = [];
    private StatusPageRecord? _page;
    private PublicStatusView? _view;
    private string _etag = "";

    private Guid PageId => this.GetPrimaryKey();

    private IWorkspaceGrain Workspace => GrainFactory.GetGrain<IWorkspaceGrain>(_page!.WorkspaceId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _page = await store.GetAsync(PageId);
        if (_page is null)
        {
            return; // no such page: every call answers not found
        }

        _updates = [.. await store.UpdatesAsync(PageId, options.Value.UpdatesKept)];
        await LoadDevicesAsync();
        Rebuild();
        var period = options.Value.DeviceRefreshPeriod;
        this.RegisterGrainTimer(RefreshDevicesAsync, new GrainTimerCreationOptions(period, period));
    }

    public async Task<StatusPageOutcome> UpdateAsync(WorkspaceAccess caller, StatusPageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Sees(caller) || !caller.CanManage)
        {
            return StatusPageOutcome.Missing;
        }

        var current = _page!;
        IReadOnlySet<Guid> visible = draft.ProjectIds is null
            ? new HashSet<Guid>()
            : (await Workspace.ListProjectsAsync(caller)).Select(p => p.Id).ToHashSet();
        var (page, errors) = StatusPageRules.Check(draft, current, visible);
        if (page is null)
        {
            return new StatusPageOutcome { Errors = errors };
        }

        var visibility = page.Visibility ?? current.Visibility;
        string? token = null;
        var tokenHash = current.TokenHash;
        if (visibility == StatusPageVisibility.Public)
        {
            tokenHash = null;
        }
        else if (current.Visibility == StatusPageVisibility.Public)
        {
            token = SecretToken.New(StatusPageRules.TokenPrefix); // turning private: the first token, shown once
            tokenHash = SecretToken.Hash(token);
        }

        var updated = current with
        {
            Title = page.Title ?? current.Title,
            Slug = page.Slug ?? current.Slug,
            Description = draft.ReplaceDescription ? page.Description : current.Description,
            ProjectIds = page.ProjectIds ?? current.ProjectIds,
            Visibility = visibility,
            TokenHash = tokenHash,
            UpdatedAt = time.GetUtcNow(),
        };
        if (!await store.UpdateAsync(updated))
        {
            return new StatusPageOutcome { SlugTaken = true };
        }

        _page = updated;
        if (!updated.ProjectIds.SequenceEqual(current.ProjectIds))
        {
            await TryLoadDevicesAsync();
        }

        Rebuild();
        if (updated.Slug != current.Slug)
        {
            await RefreshSlugAsync(current.Slug);
            await RefreshSlugAsync(updated.Slug);
        }

        return new StatusPageOutcome { Page = updated.ToInfo(), Token = token };
    }

    public async Task<StatusPageOutcome> RegenerateTokenAsync(WorkspaceAccess caller)
    {
        if (!Sees(caller) || !caller.CanManage)
        {
            return StatusPageOutcome.Missing;
        }

        if (_page!.Visibility != StatusPageVisibility.Private)
        {
            return new StatusPageOutcome { NotPrivate = true };
        }

        var token = SecretToken.New(StatusPageRules.TokenPrefix);
        var updated = _page with { TokenHash = SecretToken.Hash(token), UpdatedAt = time.GetUtcNow() };
        await store.UpdateAsync(updated);

        // From here on only the new token opens the page: reads of every API host come to this activation.
        _page = updated;
        return new StatusPageOutcome { Page = updated.ToInfo(), Token = token };
    }

    public Task<IReadOnlyList<StatusUpdateInfo>?> ListUpdatesAsync(WorkspaceAccess caller) =>
        Task.FromResult<IReadOnlyList<StatusUpdateInfo>?>(Sees(caller) ? _updates.ToArray() : null);

    public async Task<StatusUpdateOutcome> PublishUpdateAsync(WorkspaceAccess caller, UpdateState state, string message, IReadOnlyList<Guid> deviceIds)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        if (!Sees(caller) || !caller.CanWrite)
        {
            return new StatusUpdateOutcome(null, NotFound: true);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var cleaned = StatusPageRules.Message(message);
        if (cleaned is null)
        {
            errors["message"] = $"message must be between 1 and {StatusPageRules.MessageMaxLength} characters";
        }

        if (!Enum.IsDefined(state))
        {
            errors["state"] = "state must be investigating, identified, monitoring or resolved";
        }

        var devices = deviceIds.Distinct().ToArray();
        if (devices.Length > StatusPageRules.MaxDevicesPerUpdate)
        {
            errors["deviceIds"] = $"deviceIds must name at most {StatusPageRules.MaxDevicesPerUpdate} devices";
        }
        else if (devices.Length > 0)
        {
            await TryLoadDevicesAsync(); // the devices as they are now, not as the last change left them
            if (devices.Any(id => !_devices.ContainsKey(id)))
            {
                errors["deviceIds"] = "deviceIds must name devices of the page's projects";
            }
        }

        if (errors.Count > 0)
        {
            return new StatusUpdateOutcome(null, Errors: errors);
        }

        // Whole milliseconds, as stored and shown, so the view (and its tag) is the same after a re-activation reads it
        // back; and later than the newest update, so the order read back is the order published.
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        if (_updates.Count > 0 && now <= _updates[0].CreatedAt)
        {
            now = _updates[0].CreatedAt.AddMilliseconds(1);
        }

        var update = new StatusUpdateInfo(Guid.CreateVersion7(now), state, cleaned!, devices, now);
        var kept = options.Value.UpdatesKept;
        await store.AddUpdateAsync(PageId, update, kept);
        _updates.Insert(0, update);
        if (_updates.Count > kept)
        {
            _updates.RemoveRange(kept, _updates.Count - kept);
        }

        Rebuild();
        return new StatusUpdateOutcome(update);
    }

    public Task<PublicReadOutcome> ReadAsync(string slug, string? token, string? ifNoneMatch)
    {
        if (_page is null || _view is null || !string.Equals(slug, _page.Slug, StringComparison.Ordinal) || !Admits(token))
        {
            return Task.FromResult(PublicReadOutcome.NotFound);
        }

        var isPrivate = _page.Visibility == StatusPageVisibility.Private;
        return Task.FromResult(PublicViewBuilder.Matches(ifNoneMatch, _etag)
            ? new PublicReadOutcome(null, _etag, NotModified: true, IsPrivate: isPrivate)
            : new PublicReadOutcome(_view, _etag, IsPrivate: isPrivate));
    }

    public Task DeviceChangedAsync(DeviceSummary device)
    {
        if (_page is not null && _projectNames.ContainsKey(device.ProjectId))
        {
            _devices[device.Id] = device;
            Rebuild();
        }

        return Task.CompletedTask;
    }

    /// <summary>True when the caller is of the page's workspace and sees every project the page shows.</summary>
    private bool Sees(WorkspaceAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _page is not null && caller.WorkspaceId == _page.WorkspaceId && _page.ProjectIds.All(caller.Sees);
    }

    /// <summary>A public page admits anyone; a private one only its current token (compared by hash, in constant time).</summary>
    private bool Admits(string? token)
    {
        if (_page!.Visibility == StatusPageVisibility.Public)
        {
            return true;
        }

        return _page.TokenHash is { } hash && token is { Length: > 0 and <= StatusPageRules.TokenMaxLength }
            && CryptographicOperations.FixedTimeEquals(SecretToken.Hash(token), hash);
    }

    /// <summary>
    /// Reads the included projects and their devices from the workspace grain (which never awaits this grain, so
    /// this cannot deadlock), replacing what is kept: devices deleted since are gone, new ones appear.
    /// </summary>
    private async Task LoadDevicesAsync()
    {
        var page = _page!;
        var projects = await Workspace.ListProjectsAsync(WorkspaceAccess.OwnerOf(page.WorkspaceId));
        var included = page.ProjectIds.ToHashSet();
        _projectNames.Clear();
        _devices.Clear();
        foreach (var project in projects.Where(p => included.Contains(p.Id)))
        {
            _projectNames[project.Id] = project.Name;
            foreach (var device in project.Devices)
            {
                _devices[device.Id] = device;
            }
        }
    }

    private async Task TryLoadDevicesAsync()
    {
        try
        {
            await LoadDevicesAsync();
        }
        catch (Exception ex)
        {
            faults.Record(logger, ex, "reading the page's devices", PageId);
        }
    }

    private async Task RefreshDevicesAsync(CancellationToken cancellationToken)
    {
        if (_page is null)
        {
            return;
        }

        await TryLoadDevicesAsync();
        Rebuild();
    }

    private async Task RefreshSlugAsync(string slug)
    {
        try
        {
            await GrainFactory.GetGrain<IStatusPageSlugGrain>(slug).RefreshAsync();
        }
        catch (Exception ex)
        {
            faults.Record(logger, ex, "telling the slug directory of a slug change", PageId);
        }
    }

    private void Rebuild()
    {
        var page = _page!;
        var projects = page.ProjectIds
            .Where(_projectNames.ContainsKey)
            .Select(id => (_projectNames[id], (IReadOnlyList<DeviceSummary>)_devices.Values.Where(d => d.ProjectId == id).ToArray()))
            .ToArray();
        (_view, _etag) = PublicViewBuilder.Build(page, projects, _updates, options.Value.UpdatesShown);
    }
}
