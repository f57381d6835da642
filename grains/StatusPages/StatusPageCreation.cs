namespace OrleansMonitor.Grains.StatusPages;

/// <summary>What <see cref="StatusPageStore.CreateAsync"/> came to.</summary>
public enum StatusPageCreation
{
    Created,
    SlugTaken,
    LimitReached,
}
