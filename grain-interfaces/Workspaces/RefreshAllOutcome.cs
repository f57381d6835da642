namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The answer to refresh-all: how long to wait for the next slot, or how many probes were queued.</summary>
/// <param name="RetryAfter">Zero when the slot was granted; otherwise how long until the next one (nothing was queued).</param>
/// <param name="Queued">The devices the caller sees, each asked for an immediate probe.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.RefreshAllOutcome")]
public sealed record RefreshAllOutcome(
    [property: Id(0)] TimeSpan RetryAfter,
    [property: Id(1)] int Queued);
