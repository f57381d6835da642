using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>
/// A workspace (keyed by its owner's user id): its projects, the index of its devices (monitors) with their tags, and
/// the latest summary of each device for fast project lists.
/// </summary>
/// <remarks>
/// <para>
/// Commands carry their caller (<see cref="WorkspaceAccess"/>) and the grain applies its project scope: a project or
/// device outside it answers exactly as one that does not exist. The caller must be of this workspace
/// (<see cref="WorkspaceAccess.WorkspaceId"/> equal to the grain's key); the engine's own work passes
/// <see cref="WorkspaceAccess.OwnerOf"/>.
/// </para>
/// <para>
/// Reentrancy: monitor grains call this grain (<see cref="RegisterDeviceAsync"/>, <see cref="UnregisterDeviceAsync"/>,
/// <see cref="PlanStatusAsync"/>, <see cref="ReportDeviceAsync"/>) while this grain's fan-outs call monitor grains.
/// A fan-out that awaited monitors in an ordinary turn would deadlock with a monitor awaiting this grain (each waits
/// for the other's turn until the call times out). The fan-outs over monitors are therefore
/// <see cref="AlwaysInterleaveAttribute">[AlwaysInterleave]</see>: they read the device index synchronously before
/// their first await, then only await monitor calls, in batches of at most 64, and touch no workspace state after
/// it; every other call keeps running meanwhile. Monitors answer the reads this grain fans out in ordinary turns
/// (<see cref="IMonitorGrain.GetSummaryAsync"/>) interleaved. The grains this one calls otherwise (the analytics grain)
/// never call back. Project deletion changes the index as it goes and stays an ordinary turn: the monitors it calls
/// delete without calling back (<see cref="IMonitorGrain.DeleteDetachedAsync"/>).
/// </para>
/// </remarks>
public interface IWorkspaceGrain : IGrainWithGuidKey
{
    /// <summary>The projects the caller sees, with device summaries; a workspace always has its default project.</summary>
    Task<IReadOnlyList<ProjectInfo>> ListProjectsAsync(WorkspaceAccess caller);

    /// <summary>Creates a project; a caller limited to some projects may not (<see cref="ProjectOutcome.ScopeForbids"/>).</summary>
    Task<ProjectOutcome> CreateProjectAsync(WorkspaceAccess caller, string name, string? description);

    /// <summary>
    /// Changes what is given: a null <paramref name="name"/> keeps the name; the description changes only when
    /// <paramref name="replaceDescription"/>. A project outside the caller's scope is not found.
    /// </summary>
    Task<ProjectOutcome> UpdateProjectAsync(WorkspaceAccess caller, Guid projectId, string? name, string? description, bool replaceDescription);

    /// <summary>Deletes the project with its devices, their schedules and data. False when not found (or outside the caller's scope).</summary>
    Task<bool> DeleteProjectAsync(WorkspaceAccess caller, Guid projectId);

    /// <summary>The project's alert routing (none configured: nobody is alerted) and who is on call now.</summary>
    [AlwaysInterleave]
    Task<AlertSettingsOutcome> GetAlertSettingsAsync(WorkspaceAccess caller, Guid projectId);

    /// <summary>Replaces the project's alert routing after checking it (field errors otherwise); a rotation kept unchanged keeps its weeks.</summary>
    Task<AlertSettingsOutcome> SetAlertSettingsAsync(WorkspaceAccess caller, Guid projectId, ProjectAlertSettings settings);

    /// <summary>
    /// Called by a monitor grain when it is created (or placed for the first time): joins <paramref name="projectId"/>
    /// (the default project when null) and writes the device's index row; answers the project and the device's tags.
    /// A refusal writes nothing; a failed write throws and leaves the device out. A <paramref name="parent"/> given is
    /// checked and indexed with the device (see <see cref="UpdateDeviceAsync"/>).
    /// </summary>
    Task<DeviceRegistration> RegisterDeviceAsync(DeviceSummary device, Guid? projectId, int intervalSeconds, ParentLink? parent = null);

    /// <summary>
    /// Called by a monitor grain before it takes a new configuration: refuses an interval below the plan's minimum
    /// (<see cref="DeviceRegistration.MinIntervalSeconds"/>), else writes the device's name and type to its index row
    /// and answers its project and tags. Interleaves (a pure read and a write of one row), so a monitor may await it
    /// while this grain waits for monitors. A <paramref name="parent"/> given replaces the device's parent (null removes
    /// it) after checking it: a device of this workspace the caller sees, not the device itself, no cycle and a chain of
    /// at most 32 devices; a refusal (<see cref="DeviceRegistration.ParentRefused"/>) writes nothing. Parent changes are
    /// checked and written one at a time, so two concurrent edits can never close a cycle together.
    /// </summary>
    [AlwaysInterleave]
    Task<DeviceRegistration> UpdateDeviceAsync(DeviceSummary device, int intervalSeconds, ParentLink? parent = null);

    /// <summary>Called by a monitor grain when it is deleted: forgets the device, then removes its index row. Idempotent; a failed removal throws, for the monitor to retry.</summary>
    Task UnregisterDeviceAsync(Guid deviceId);

    /// <summary>
    /// Removes a device's index row only. Called by a monitor deleted on behalf of this workspace (a project deletion,
    /// which waits for it and forgets the device itself), so it interleaves. Idempotent.
    /// </summary>
    [AlwaysInterleave]
    Task UnindexDeviceAsync(Guid deviceId);

    /// <summary>
    /// The newest summary of a device (after each probe and each change). Fire and forget. A change of the device's
    /// state or name (not every probe) is passed on, one way, to the workspace's status pages (<c>IStatusPagesGrain</c>).
    /// </summary>
    [OneWay]
    Task ReportDeviceAsync(DeviceSummary device);

    /// <summary>The project of a device, or null when the device is not in this workspace.</summary>
    Task<Guid?> ProjectOfAsync(Guid deviceId);

    /// <summary>Device ids, of one project or all.</summary>
    Task<IReadOnlyList<Guid>> DeviceIdsAsync(Guid? projectId = null);

    /// <summary>A device's tags (none when it is not in this workspace). Interleaves: monitor grains ask it while this grain may wait for them.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> TagsOfAsync(Guid deviceId);

    /// <summary>
    /// A device's tags and parent (none when it is not in this workspace). Interleaves: monitor grains ask it for their
    /// reads and, before opening an incident, for their parent, while this grain may wait for them.
    /// </summary>
    [AlwaysInterleave]
    Task<DeviceLinks> LinksOfAsync(Guid deviceId);

    /// <summary>
    /// Replaces a device's tags (normalized: trimmed, lower-case, sorted, unique). Missing names the device when it is
    /// not in this workspace; a device outside the caller's scope is missing before its tags are looked at.
    /// </summary>
    Task<TagsOutcome> SetTagsAsync(WorkspaceAccess caller, Guid deviceId, IReadOnlyList<string> tags);

    /// <summary>
    /// Adds, removes or replaces tags on many devices, written in bounded batches; Missing lists the ids that are not in
    /// this workspace, Updated counts the devices changed (ids outside the caller's scope are neither, see <see cref="TagsOutcome"/>).
    /// </summary>
    Task<TagsOutcome> BulkTagsAsync(WorkspaceAccess caller, TagOperation operation, IReadOnlyList<Guid> deviceIds, IReadOnlyList<string> tags);

    /// <summary>Tags with device counts, over the devices the caller sees.</summary>
    Task<IReadOnlyList<TagCount>> ListTagsAsync(WorkspaceAccess caller);

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

    /// <summary>
    /// The plan, its limits and the current usage. A synchronous read, interleaved: monitor grains (edits) and the
    /// accounts grain (token creation) ask it, and must never wait behind a fan-out that is waiting for them.
    /// </summary>
    [AlwaysInterleave]
    Task<PlanStatus> PlanStatusAsync();

    /// <summary>
    /// Claims the workspace-wide refresh slot (at most once per minute, whoever asks) and, when granted, queues an
    /// immediate probe on every device the caller sees, in batches of at most 64 (interleaved, see the remarks).
    /// </summary>
    [AlwaysInterleave]
    Task<RefreshAllOutcome> RefreshAllAsync(WorkspaceAccess caller);

    /// <summary>
    /// Sets (or clears, with null) the maintenance window of every device of a project, in batches of at most 64
    /// (interleaved, see the remarks). The number of devices asked, or null when the project is not found (or outside
    /// the caller's scope).
    /// </summary>
    [AlwaysInterleave]
    Task<int?> SetProjectMaintenanceAsync(WorkspaceAccess caller, Guid projectId, MaintenanceWindow? window);

    /// <summary>
    /// Sets (or clears, with null) the maintenance window of each device named, in batches of at most 64 (interleaved,
    /// see the remarks). Ids that are not devices of the projects the caller sees are not found.
    /// </summary>
    [AlwaysInterleave]
    Task<MaintenanceOutcome> SetDevicesMaintenanceAsync(WorkspaceAccess caller, IReadOnlyList<Guid> deviceIds, MaintenanceWindow? window);

    /// <summary>
    /// The support summary as the caller sees it: its projects and their devices by status, their open incidents
    /// (from the analytics grain, scoped in SQL), and the workspace's plan.
    /// </summary>
    Task<SupportSummary> SupportSummaryAsync(WorkspaceAccess caller);

    /// <summary>
    /// The alert posture as the caller sees it: how many of its projects route incidents to someone (their escalation
    /// steps or the workspace's rules), whether the rules are on, and the recent deliveries.
    /// </summary>
    Task<AlertPosture> AlertPostureAsync(WorkspaceAccess caller);
}
