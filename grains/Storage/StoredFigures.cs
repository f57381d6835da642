namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// What a re-activated monitor rebuilds its in-memory figures from: whole five-minute roll-ups before the bucket it
/// was activated in, hourly latency histograms, the raw heartbeats of the last hour (and of the activation's own
/// bucket), and its newest heartbeats for the recent list.
/// </summary>
/// <param name="Rollups">Roll-ups of the buckets that ended before <see cref="RawSince"/>'s bucket, oldest first.</param>
/// <param name="LatencyHours">Stored hourly histograms by UTC hour number (hours since the epoch).</param>
/// <param name="Raw">Every heartbeat from <see cref="RawSince"/> until the activation, oldest first.</param>
/// <param name="Newest">The newest heartbeats before the activation, oldest first.</param>
public sealed record StoredFigures(
    DateTimeOffset RawSince,
    IReadOnlyList<StoredRollup> Rollups,
    IReadOnlyDictionary<long, byte[]> LatencyHours,
    IReadOnlyList<Heartbeat> Raw,
    IReadOnlyList<Heartbeat> Newest);
