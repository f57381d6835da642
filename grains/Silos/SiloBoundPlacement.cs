namespace OrleansMonitor.Grains.Silos;

/// <summary>Places a grain keyed by a silo address on that silo, and nowhere else.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.SiloBoundPlacement")]
public sealed class SiloBoundPlacement : PlacementStrategy
{
    public static SiloBoundPlacement Instance { get; } = new();
}
