using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Tests.Storage;

/// <summary>Enqueues a heartbeat in <see cref="OnDeactivateAsync"/>, after a little deactivation work.</summary>
[GrainType("test-deactivation-heartbeat")]
public sealed class DeactivationHeartbeatGrain(HeartbeatWriter writer) : Grain, IDeactivationHeartbeatGrain
{
    public static readonly DateTimeOffset CheckedAt = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private long? _heartbeatId;

    public Task ArmAsync(long heartbeatId)
    {
        _heartbeatId = heartbeatId;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_heartbeatId is { } id)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken); // a state write, say
            writer.Enqueue(this.GetPrimaryKey(), new Heartbeat(id, "200", 1, CheckedAt, false, "written while deactivating"));
        }
    }
}
