namespace OrleansMonitor.Grains.Metrics;

/// <summary>
/// Every latency of the last hour (relative to the newest sample), sorted by time, in 6 bytes per sample: one 48-bit value
/// per entry (milliseconds since <see cref="_originMs"/> in the high 28 bits, latency in the low 20 bits) stored as three
/// ushorts. Grows on demand up to <see cref="MaxCount"/> entries; beyond that the oldest sample makes room.
/// </summary>
internal sealed class RecentLatencies
{
    public const int MaxCount = 720;
    public const long SpanMs = 3_600_000;

    private const int InitialCapacity = 8;
    private const int LatencyBits = 20;
    private const long LatencyMask = (1L << LatencyBits) - 1;
    private const long MaxOffsetMs = (1L << 28) - 1;

    private ushort[] _items = new ushort[3 * InitialCapacity];
    private int _count;
    private long _originMs;

    public long EstimatedBytes => 40 + 24 + (2L * _items.Length);

    private int Capacity => _items.Length / 3;

    public void Add(long atMs, int latencyMs)
    {
        var newestMs = _count == 0 ? atMs : Math.Max(atMs, TimeOf(_count - 1));
        var cutoffMs = newestMs - SpanMs;
        if (atMs <= cutoffMs)
        {
            return;
        }

        EvictUpTo(cutoffMs);
        if (_count == 0)
        {
            _originMs = atMs;
        }
        else if (atMs < _originMs || atMs - _originMs > MaxOffsetMs)
        {
            Rebase(Math.Min(TimeOf(0), atMs));
        }

        var entry = ((atMs - _originMs) << LatencyBits) | ((long)latencyMs & LatencyMask);
        if (_count == Capacity)
        {
            if (Capacity < MaxCount)
            {
                Array.Resize(ref _items, 3 * Math.Min(MaxCount, Capacity + Math.Max(InitialCapacity, Capacity / 2)));
            }
            else if (entry < Read(0))
            {
                return;
            }
            else
            {
                RemoveFront(1);
            }
        }

        var position = UpperBound(entry);
        Array.Copy(_items, 3 * position, _items, 3 * (position + 1), 3 * (_count - position));
        Write(position, entry);
        _count++;
    }

    /// <summary>Copies the latencies of samples taken in (fromMs, toMs] into <paramref name="destination"/>; returns how many.</summary>
    public int Collect(long fromMs, long toMs, Span<int> destination)
    {
        var found = 0;
        for (var i = 0; i < _count; i++)
        {
            var at = TimeOf(i);
            if (at > fromMs && at <= toMs)
            {
                destination[found++] = (int)(Read(i) & LatencyMask);
            }
        }

        return found;
    }

    private long Read(int index)
    {
        var at = 3 * index;
        return ((long)_items[at] << 32) | ((long)_items[at + 1] << 16) | _items[at + 2];
    }

    private void Write(int index, long entry)
    {
        var at = 3 * index;
        _items[at] = (ushort)(entry >> 32);
        _items[at + 1] = (ushort)(entry >> 16);
        _items[at + 2] = (ushort)entry;
    }

    private long TimeOf(int index) => _originMs + (Read(index) >> LatencyBits);

    /// <summary>The first index whose entry is greater than <paramref name="entry"/>.</summary>
    private int UpperBound(long entry)
    {
        int low = 0, high = _count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Read(middle) <= entry)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void EvictUpTo(long cutoffMs)
    {
        var stale = 0;
        while (stale < _count && TimeOf(stale) <= cutoffMs)
        {
            stale++;
        }

        RemoveFront(stale);
        if (Capacity > 2 * InitialCapacity && _count < Capacity / 4)
        {
            Array.Resize(ref _items, 3 * Math.Max(InitialCapacity, _count * 2));
        }
    }

    private void RemoveFront(int removed)
    {
        if (removed == 0)
        {
            return;
        }

        Array.Copy(_items, 3 * removed, _items, 0, 3 * (_count - removed));
        _count -= removed;
    }

    private void Rebase(long originMs)
    {
        var shiftMs = _originMs - originMs;
        for (var i = 0; i < _count; i++)
        {
            var entry = Read(i);
            Write(i, (((entry >> LatencyBits) + shiftMs) << LatencyBits) | (entry & LatencyMask));
        }

        _originMs = originMs;
    }
}
