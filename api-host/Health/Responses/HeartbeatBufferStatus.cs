using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Health.Responses;

/// <summary>The heartbeat buffers of every answering silo, summed.</summary>
public sealed record HeartbeatBufferStatus(
    long Pending,
    long PendingBytes,
    long Written,
    long Dropped,
    long Rejected,
    [property: Description("failing while a silo cannot reach the database, ok otherwise.")] string Writing);
