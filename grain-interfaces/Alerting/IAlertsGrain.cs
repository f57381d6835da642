using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// Incident alerting commands of a workspace (key: the workspace id). Stateless: the incident table and the delivery
/// outbox in PostgreSQL hold everything; it calls no other grain, so any grain may await it.
/// </summary>
public interface IAlertsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Marks the incident acknowledged by the caller (the first acknowledgement wins) and stops its escalation: pending
    /// deliveries are cancelled, those in flight finish. Outside the caller's workspace or project scope: not found.
    /// </summary>
    Task<AcknowledgeOutcome> AcknowledgeAsync(WorkspaceAccess caller, long incidentId);

    /// <summary>One delivery of the workspace (a test-send's, to poll), or null when there is none with that id.</summary>
    Task<DeliveryInfo?> GetDeliveryAsync(WorkspaceAccess caller, Guid deliveryId);
}
