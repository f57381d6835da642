namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// What a re-activated monitor rebuilds its in-memory figures from: whole five-minute roll-ups before the raw tail,
/// hourly latency histograms, the raw checks of the last hour (and of the bucket that hour starts in), and its newest
/// heartbeats for the recent list. Everything is from before <see cref="Until"/>, the activation.
/// </summary>
/// <param name="Rollups">Roll-ups of the buckets that ended before <see cref="RawSince"/>, oldest first.</param>
/// <param name="LatencyHours">Stored hourly histograms by UTC hour number (hours since the epoch).</param>
/// <param name="Raw">Every check from <see cref="RawSince"/> until <see cref="Until"/>, oldest first.</param>
/// <param name="Newest">The newest heartbeats before <see cref="Until"/>, oldest first.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.StoredFigures")]
public sealed record StoredFigures(
    [property: Id(0)] DateTimeOffset Until,
    [property: Id(1)] DateTimeOffset RawSince,
    [property: Id(2)] IReadOnlyList<StoredRollup> Rollups,
    [property: Id(3)] IReadOnlyDictionary<long, byte[]> LatencyHours,
    [property: Id(4)] IReadOnlyList<StoredCheck> Raw,
    [property: Id(5)] IReadOnlyList<Heartbeat> Newest);
