namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// The signed acknowledge links alerts carry (key: 0). A token that is malformed, forged or expired, or whose incident
/// is gone, answers null: nothing tells those cases apart.
/// </summary>
public interface IAcknowledgeLinkGrain : IGrainWithIntegerKey
{
    /// <summary>The incident the link names, for its confirmation page; nothing changes.</summary>
    Task<AcknowledgeLinkView?> ViewAsync(string token);

    /// <summary>Acknowledges the incident the link names (stored as acknowledged by link), and answers it as it stands then.</summary>
    Task<AcknowledgeLinkView?> AcknowledgeAsync(string token);
}
