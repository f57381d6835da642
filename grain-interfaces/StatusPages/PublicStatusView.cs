namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>
/// The public face of a status page, built by its grain whenever something it shows changes and served from memory.
/// It holds nothing but what anyone with the link may see: no ids, no owner, no monitored addresses.
/// </summary>
/// <param name="OverallState">operational, maintenance, partial_outage or major_outage (see the page grain).</param>
/// <param name="Updates">The newest updates, newest first.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.PublicStatusView")]
public sealed record PublicStatusView(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string OverallState,
    [property: Id(3)] IReadOnlyList<PublicProjectView> Projects,
    [property: Id(4)] IReadOnlyList<PublicUpdateView> Updates);
