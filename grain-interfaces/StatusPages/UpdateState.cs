namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>The state a manual status update announces, in the order an incident usually goes. Values are stored: append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.UpdateState")]
public enum UpdateState
{
    Investigating = 0,
    Identified = 1,
    Monitoring = 2,
    Resolved = 3,
}
