namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>
/// A workspace (keyed by its owner's user id): its projects, the index of its devices (monitors) with their tags, and
/// the latest summary of each device for fast project lists.
/// </summary>
public interface IWorkspaceGrain : IGrainWithGuidKey
{
    /// <summary>Projects with device summaries; a workspace always has its default project.</summary>
    Task<IReadOnlyList<ProjectInfo>> ListProjectsAsync();

    Task<ProjectOutcome> CreateProjectAsync(string name, string? description);

    /// <summary>Changes what is given: a null <paramref name="name"/> keeps the name; the description changes only when <paramref name="replaceDescription"/>.</summary>
    Task<ProjectOutcome> UpdateProjectAsync(Guid projectId, string? name, string? description, bool replaceDescription);

    /// <summary>Deletes the project with its devices, their schedules and data. False when not found.</summary>
    Task<bool> DeleteProjectAsync(Guid projectId);

    /// <summary>True when the project exists in this workspace.</summary>
    Task<bool> HasProjectAsync(Guid projectId);

    /// <summary>
    /// Called by a monitor grain when it is created (or placed for the first time): joins <paramref name="projectId"/>
    /// (the default project when null) and writes the device's index row; answers the project and the device's tags.
    /// A refusal writes nothing; a failed write throws and leaves the device out.
    /// </summary>
    Task<DeviceRegistration> RegisterDeviceAsync(DeviceSummary device, Guid? projectId, int intervalSeconds);

    /// <summary>
    /// Called by a monitor grain before it takes a new configuration: refuses an interval below the plan's minimum
    /// (<see cref="DeviceRegistration.MinIntervalSeconds"/>), else writes the device's name and type to its index row
    /// and answers its project and tags. Interleaves (a pure read and a write of one row), so a monitor may await it
    /// while this grain waits for monitors.
    /// </summary>
    [AlwaysInterleave]
    Task<DeviceRegistration> UpdateDeviceAsync(DeviceSummary device, int intervalSeconds);

    /// <summary>Called by a monitor grain when it is deleted: forgets the device, then removes its index row. Idempotent; a failed removal throws, for the monitor to retry.</summary>
    Task UnregisterDeviceAsync(Guid deviceId);

    /// <summary>
    /// Removes a device's index row only. Called by a monitor deleted on behalf of this workspace (a project deletion,
    /// which waits for it and forgets the device itself), so it interleaves. Idempotent.
    /// </summary>
    [AlwaysInterleave]
    Task UnindexDeviceAsync(Guid deviceId);

    /// <summary>The newest summary of a device (after each probe and each change). Fire and forget.</summary>
    [OneWay]
    Task ReportDeviceAsync(DeviceSummary device);

    /// <summary>The project of a device, or null when the device is not in this workspace.</summary>
    Task<Guid?> ProjectOfAsync(Guid deviceId);

    /// <summary>Device ids, of one project or all.</summary>
    Task<IReadOnlyList<Guid>> DeviceIdsAsync(Guid? projectId = null);

    /// <summary>A device's tags (none when it is not in this workspace). Interleaves: monitor grains ask it while this grain may wait for them.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> TagsOfAsync(Guid deviceId);

    /// <summary>Replaces a device's tags (normalized: trimmed, lower-case, sorted, unique). Missing names the device when it is not in this workspace.</summary>
    Task<TagsOutcome> SetTagsAsync(Guid deviceId, IReadOnlyList<string> tags);

    /// <summary>Adds, removes or replaces tags on many devices; Missing lists the ids that are not in this workspace.</summary>
    Task<TagsOutcome> BulkTagsAsync(TagOperation operation, IReadOnlyList<Guid> deviceIds, IReadOnlyList<string> tags);

    /// <summary>Tags with device counts, over the devices of <paramref name="projectScope"/> (all when null).</summary>
    Task<IReadOnlyList<TagCount>> ListTagsAsync(IReadOnlyList<Guid>? projectScope = null);

    /// <summary>The user's role and project scope here, or null when the user is not a member.</summary>
    [AlwaysInterleave]
    Task<WorkspaceAccess?> AccessOfAsync(Guid userId);

    /// <summary>Invites <paramref name="email"/> with a role (not owner) and optional project scope; the token is shown once.</summary>
    Task<InvitationOutcome> InviteAsync(Guid invitedBy, string email, WorkspaceRole role, IReadOnlyList<Guid>? projectScope, TimeSpan validFor);

    Task<IReadOnlyList<InvitationInfo>> ListInvitationsAsync();

    Task<InvitationOutcome> CancelInvitationAsync(Guid invitationId);

    /// <summary>Makes the user a member as the invitation says; single use, only for the invited email.</summary>
    Task<InvitationOutcome> AcceptInvitationAsync(Guid invitationId, Guid userId, string email);

    /// <summary>Puts the workspace on a plan (free or premium); above the plan's limits it becomes write-locked.</summary>
    Task SetPlanAsync(string plan);

    /// <summary>The plan, its limits and the current usage.</summary>
    Task<PlanStatus> PlanStatusAsync();

    /// <summary>Claims the workspace-wide refresh slot (at most once per minute): zero when granted, else how long to wait.</summary>
    Task<TimeSpan> ClaimRefreshAllAsync();
}
