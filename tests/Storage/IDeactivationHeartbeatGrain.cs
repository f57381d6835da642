namespace OrleansMonitor.Tests.Storage;

/// <summary>A test grain that hands the heartbeat writer one row while it deactivates, as a grain saving its last result would.</summary>
public interface IDeactivationHeartbeatGrain : IGrainWithGuidKey
{
    /// <summary>Activates the grain; on deactivation it enqueues heartbeat <paramref name="heartbeatId"/> with its key as the monitor id.</summary>
    Task ArmAsync(long heartbeatId);
}
