namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>
/// A monitor changing state more than <see cref="Changes"/> times within <see cref="WindowMinutes"/> is flapping: one
/// alert says so instead of a storm, and a recovery alert follows once it has been stable for <see cref="StableMinutes"/>.
/// </summary>
[GenerateSerializer, Alias("OrleansMonitor.FlappingRule")]
public sealed record FlappingRule(
    [property: Id(0)] int Changes,
    [property: Id(1)] int WindowMinutes,
    [property: Id(2)] int StableMinutes)
{
    public static FlappingRule Default { get; } = new(5, 10, 10);
}
