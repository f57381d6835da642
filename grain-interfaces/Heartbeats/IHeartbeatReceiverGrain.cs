namespace OrleansMonitor.GrainInterfaces.Heartbeats;

/// <summary>Receives public heartbeat pushes: finds the push monitor of a token and records the beat. Stateless; use key 0.</summary>
public interface IHeartbeatReceiverGrain : IGrainWithIntegerKey
{
    /// <summary>False (and nothing recorded) when no monitor has this token.</summary>
    Task<bool> ReceiveAsync(string token);
}
