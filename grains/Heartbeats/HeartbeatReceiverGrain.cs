using OrleansMonitor.GrainInterfaces.Heartbeats;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Heartbeats;

/// <summary>Maps a receiver token to its monitor (by SHA-256, in PostgreSQL) and hands the beat over.</summary>
[StatelessWorker]
[GrainType("heartbeat-receiver")]
public sealed class HeartbeatReceiverGrain(HeartbeatTokens tokens) : Grain, IHeartbeatReceiverGrain
{
    public async Task<bool> ReceiveAsync(string token)
    {
        if (token.Length is 0 or > 128 || await tokens.FindAsync(token) is not { } monitorId)
        {
            return false;
        }

        return await GrainFactory.GetGrain<IMonitorGrain>(monitorId).RecordBeatAsync(token);
    }
}
