namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// Completes a span read from the heartbeat table with the monitor's recent heartbeats held in memory. The heartbeat
/// writer stores rows a few hundred milliseconds after a probe (longer while the database is slow or away), and a read
/// that follows a probe must see it, as the monitor itself already shows it. Heartbeats are matched by id (unique per
/// monitor), so one that is stored already never counts twice. Every unwritten heartbeat is among the recent ones: the
/// writer takes rows in the order they were taken, and the monitor keeps its newest few dozen.
/// </summary>
public static class HeartbeatMerge
{
    private const long MarkSeconds = 300;

    /// <summary>Every heartbeat after <paramref name="since"/>, newest first; <paramref name="stored"/> oldest first.</summary>
    public static IReadOnlyList<Heartbeat> Since(IReadOnlyList<Heartbeat> stored, IReadOnlyList<Heartbeat> recent, DateTimeOffset since)
    {
        var merged = Union(stored, recent.Where(h => h.Date > since));
        merged.Sort(NewestFirst);
        return merged;
    }

    /// <summary>The newest <paramref name="limit"/> heartbeats, oldest first; <paramref name="stored"/> oldest first.</summary>
    public static IReadOnlyList<Heartbeat> Newest(IReadOnlyList<Heartbeat> stored, IReadOnlyList<Heartbeat> recent, int limit)
    {
        var merged = Union(stored, recent);
        merged.Sort(NewestFirst);
        if (merged.Count > limit)
        {
            merged.RemoveRange(limit, merged.Count - limit);
        }

        merged.Reverse();
        return merged;
    }

    /// <summary>
    /// For each five-minute mark, the heartbeat closest to it (the earlier id on a tie), newest first, as the table's
    /// own query picks it; <paramref name="stored"/> holds the table's pick per mark. A recent heartbeat takes its
    /// mark's place only when it is closer than the stored pick.
    /// </summary>
    public static IReadOnlyList<Heartbeat> ClosestToEveryFiveMinutes(IReadOnlyList<Heartbeat> stored, IReadOnlyList<Heartbeat> recent, DateTimeOffset since)
    {
        var byMark = new Dictionary<decimal, Heartbeat>();
        foreach (var heartbeat in stored)
        {
            byMark.TryAdd(Mark(heartbeat), heartbeat);
        }

        foreach (var heartbeat in recent)
        {
            if (heartbeat.Date <= since)
            {
                continue;
            }

            var mark = Mark(heartbeat);
            if (!byMark.TryGetValue(mark, out var pick) || (pick.Id != heartbeat.Id && Closer(heartbeat, pick, mark)))
            {
                byMark[mark] = heartbeat;
            }
        }

        var merged = byMark.Values.ToList();
        merged.Sort(NewestFirst);
        return merged;
    }

    private static List<Heartbeat> Union(IReadOnlyList<Heartbeat> stored, IEnumerable<Heartbeat> recent)
    {
        var merged = new List<Heartbeat>(stored);
        var ids = stored.Select(h => h.Id).ToHashSet();
        merged.AddRange(recent.Where(h => ids.Add(h.Id)));
        return merged;
    }

    private static int NewestFirst(Heartbeat a, Heartbeat b)
    {
        var byDate = b.Date.CompareTo(a.Date);
        return byDate != 0 ? byDate : b.Id.CompareTo(a.Id);
    }

    /// <summary>Seconds since the epoch, exact to the tick (PostgreSQL's <c>extract(epoch ...)</c>).</summary>
    private static decimal EpochSeconds(Heartbeat heartbeat) => (heartbeat.Date - DateTimeOffset.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond;

    /// <summary>The mark a heartbeat belongs to: <c>round(epoch / 300)</c>, halves away from zero as PostgreSQL rounds numerics.</summary>
    private static decimal Mark(Heartbeat heartbeat) => Math.Round(EpochSeconds(heartbeat) / MarkSeconds, MidpointRounding.AwayFromZero);

    private static bool Closer(Heartbeat candidate, Heartbeat pick, decimal mark)
    {
        var distance = Math.Abs(EpochSeconds(candidate) - (mark * MarkSeconds));
        var pickDistance = Math.Abs(EpochSeconds(pick) - (mark * MarkSeconds));
        return distance < pickDistance || (distance == pickDistance && candidate.Id < pick.Id);
    }
}
