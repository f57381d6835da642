using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// Test-sends of a workspace (key: the workspace id): each queues test alerts in the delivery outbox, due at once and
/// sent like any other alert, and answers their ids so the caller can poll how each went. Stateless; it reads the
/// workspace's routing from the workspace and alert-rules grains, which never call it.
/// </summary>
public interface ITestSendGrain : IGrainWithGuidKey
{
    /// <summary>One test alert to every destination of the project's escalation steps (the member on call now for on-call steps).</summary>
    Task<TestSendOutcome> SendProjectTestAsync(WorkspaceAccess caller, Guid projectId);

    /// <summary>One test SMS to <paramref name="to"/>, or to every recipient of the SMS rule when it is null.</summary>
    Task<TestSendOutcome> SendSmsTestAsync(WorkspaceAccess caller, string? to);
}
