using Orleans.Runtime.Placement;

namespace OrleansMonitor.Grains.Silos;

/// <summary>Chooses the silo a <see cref="SiloBoundPlacement"/> grain's key names; refuses when that silo is not an active member.</summary>
public sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in context.GetCompatibleSilos(target))
        {
            if (string.Equals(silo.ToParsableString(), key, StringComparison.Ordinal))
            {
                return Task.FromResult(silo);
            }
        }

        throw new SiloUnavailableException($"Silo {key} is not an active member of the cluster");
    }
}
