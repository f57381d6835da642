using Orleans.Placement;

namespace OrleansMonitor.Grains.Silos;

/// <summary>Marks a grain class whose string key is a silo address: it is activated on that silo (<see cref="SiloBoundPlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloBoundAttribute : PlacementAttribute
{
    public SiloBoundAttribute()
        : base(SiloBoundPlacement.Instance)
    {
    }
}
