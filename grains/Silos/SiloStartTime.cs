namespace OrleansMonitor.Grains.Silos;

/// <summary>When this silo started (taken as the silo's lifecycle begins), for reports.</summary>
public sealed class SiloStartTime(TimeProvider time) : ILifecycleParticipant<ISiloLifecycle>
{
    public DateTimeOffset At { get; private set; } = time.GetUtcNow();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloStartTime), ServiceLifecycleStage.First, _ =>
        {
            At = time.GetUtcNow();
            return Task.CompletedTask;
        });
}
