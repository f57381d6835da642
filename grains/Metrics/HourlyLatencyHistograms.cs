namespace OrleansMonitor.Grains.Metrics;

/// <summary>
/// One sparse <see cref="LatencyBuckets"/> histogram per UTC hour for the last <see cref="Hours"/> hours, packed in ONE byte array,
/// oldest hour first. A segment is [hour - base: 1 byte][max latency: varint][payload length: varint][payload]; the payload
/// lists the non-empty buckets in ascending order, each as one byte (gap from the previous bucket in the high nibble, count in
/// the low nibble; a 0 nibble means the value follows as a varint). Typical hours take one byte per distinct bucket.
/// </summary>
internal sealed class HourlyLatencyHistograms
{
    public const int Hours = 24;

    private const int MaxHeaderBytes = 1 + 5 + 5;
    private const int MaxEntryBytes = 1 + 2 + 5;
    private const int MaxSegmentBytes = MaxHeaderBytes + (LatencyBuckets.Count * MaxEntryBytes);

    private byte[] _buffer = [];
    private int _used;
    private long _baseHour;

    public long EstimatedBytes => 40 + 24 + _buffer.Length;

    public void Add(long hour, int latencyMs)
    {
        var newest = _used == 0 ? hour : Math.Max(LastHour(), hour);
        if (hour <= newest - Hours)
        {
            return;
        }

        DropBefore(newest - Hours + 1);
        if (_used == 0)
        {
            _baseHour = hour;
        }
        else if (hour < _baseHour || hour - _baseHour > byte.MaxValue)
        {
            Rebase(Math.Min(ReadSegment(0).Hour, hour));
        }

        var (start, end) = Locate(hour);
        Span<int> counts = stackalloc int[LatencyBuckets.Count];
        var max = 0;
        if (end > start)
        {
            var existing = ReadSegment(start);
            Decode(existing, counts);
            max = existing.Max;
        }

        counts[LatencyBuckets.IndexOf(latencyMs)]++;
        max = Math.Max(max, latencyMs);
        Span<byte> encoded = stackalloc byte[MaxSegmentBytes];
        var length = Encode((byte)(hour - _baseHour), max, counts, encoded);
        Splice(start, end, encoded[..length]);
    }

    /// <summary>
    /// The histogram of <paramref name="hour"/> in its stored form ([max: varint][payload length: varint][payload], the
    /// segment without its hour byte), or null when the hour holds no sample.
    /// </summary>
    public byte[]? ExportHour(long hour)
    {
        var (start, end) = Locate(hour);
        return end > start ? _buffer.AsSpan(start + 1, end - start - 1).ToArray() : null;
    }

    /// <summary>Adds a histogram exported by <see cref="ExportHour"/> to <paramref name="hour"/>; false (nothing changes) when it does not parse.</summary>
    public bool ImportHour(long hour, ReadOnlySpan<byte> exported)
    {
        Span<int> imported = stackalloc int[LatencyBuckets.Count];
        if (!TryDecodeExport(exported, imported, out var importedMax, out var total) || total == 0)
        {
            return false;
        }

        var newest = _used == 0 ? hour : Math.Max(LastHour(), hour);
        if (hour <= newest - Hours)
        {
            return false;
        }

        DropBefore(newest - Hours + 1);
        if (_used == 0)
        {
            _baseHour = hour;
        }
        else if (hour < _baseHour || hour - _baseHour > byte.MaxValue)
        {
            Rebase(Math.Min(ReadSegment(0).Hour, hour));
        }

        var (start, end) = Locate(hour);
        var max = importedMax;
        if (end > start)
        {
            var existing = ReadSegment(start);
            Decode(existing, imported);
            max = Math.Max(max, existing.Max);
        }

        Span<byte> encoded = stackalloc byte[MaxSegmentBytes];
        var length = Encode((byte)(hour - _baseHour), max, imported, encoded);
        Splice(start, end, encoded[..length]);
        return true;
    }

    private static bool TryDecodeExport(ReadOnlySpan<byte> exported, Span<int> counts, out int max, out int total)
    {
        max = 0;
        total = 0;
        try
        {
            var cursor = 0;
            max = (int)VarInt.Read(exported, ref cursor);
            var length = (int)VarInt.Read(exported, ref cursor);
            if (length < 0 || cursor + length != exported.Length)
            {
                return false;
            }

            var index = -1;
            while (cursor < exported.Length)
            {
                var head = exported[cursor++];
                var gap = head >> 4 == 0 ? (int)VarInt.Read(exported, ref cursor) : head >> 4;
                var count = (head & 0x0F) == 0 ? (int)VarInt.Read(exported, ref cursor) : head & 0x0F;
                index += gap;
                if (gap <= 0 || index >= counts.Length || count <= 0)
                {
                    return false;
                }

                counts[index] += count;
                total += count;
            }

            return max is >= 0 and <= LatencyBuckets.MaxLatencyMs;
        }
        catch (IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Adds the counts of every hour whose start lies in (fromMs, toMs] to <paramref name="counts"/>; returns the samples added and their maximum.</summary>
    public (int Total, int Max) Accumulate(long fromMs, long toMs, Span<int> counts)
    {
        var total = 0;
        var max = 0;
        for (var position = 0; position < _used;)
        {
            var segment = ReadSegment(position);
            var hourStartMs = segment.Hour * RecentLatencies.SpanMs;
            if (hourStartMs > fromMs && hourStartMs <= toMs)
            {
                total += Decode(segment, counts);
                max = Math.Max(max, segment.Max);
            }

            position = segment.End;
        }

        return (total, max);
    }

    private long LastHour()
    {
        var last = 0L;
        for (var position = 0; position < _used;)
        {
            var segment = ReadSegment(position);
            last = segment.Hour;
            position = segment.End;
        }

        return last;
    }

    /// <summary>Where the segment of <paramref name="hour"/> lies, or an empty span at the place it belongs.</summary>
    private (int Start, int End) Locate(long hour)
    {
        for (var position = 0; position < _used;)
        {
            var segment = ReadSegment(position);
            if (segment.Hour == hour)
            {
                return (position, segment.End);
            }

            if (segment.Hour > hour)
            {
                return (position, position);
            }

            position = segment.End;
        }

        return (_used, _used);
    }

    private void DropBefore(long firstKeptHour)
    {
        var position = 0;
        while (position < _used)
        {
            var segment = ReadSegment(position);
            if (segment.Hour >= firstKeptHour)
            {
                break;
            }

            position = segment.End;
        }

        if (position > 0)
        {
            Splice(0, position, []);
        }
    }

    private void Rebase(long baseHour)
    {
        for (var position = 0; position < _used;)
        {
            var segment = ReadSegment(position);
            _buffer[position] = checked((byte)(segment.Hour - baseHour));
            position = segment.End;
        }

        _baseHour = baseHour;
    }

    private Segment ReadSegment(int position)
    {
        var cursor = position + 1;
        var max = (int)VarInt.Read(_buffer, ref cursor);
        var length = (int)VarInt.Read(_buffer, ref cursor);
        return new Segment(_baseHour + _buffer[position], max, cursor, cursor + length);
    }

    /// <summary>Adds the segment's bucket counts to <paramref name="counts"/>; returns how many samples it holds.</summary>
    private int Decode(Segment segment, Span<int> counts)
    {
        ReadOnlySpan<byte> buffer = _buffer;
        var index = -1;
        var total = 0;
        for (var cursor = segment.PayloadStart; cursor < segment.End;)
        {
            var head = buffer[cursor++];
            var gap = head >> 4 == 0 ? (int)VarInt.Read(buffer, ref cursor) : head >> 4;
            var count = (head & 0x0F) == 0 ? (int)VarInt.Read(buffer, ref cursor) : head & 0x0F;
            index += gap;
            counts[index] += count;
            total += count;
        }

        return total;
    }

    private static int Encode(byte hourOffset, int max, ReadOnlySpan<int> counts, Span<byte> destination)
    {
        Span<byte> payload = stackalloc byte[LatencyBuckets.Count * MaxEntryBytes];
        var length = 0;
        var previous = -1;
        for (var index = 0; index < counts.Length; index++)
        {
            var count = counts[index];
            if (count == 0)
            {
                continue;
            }

            var gap = index - previous;
            previous = index;
            var headAt = length++;
            var gapNibble = gap <= 15 ? gap : 0;
            var countNibble = count <= 15 ? count : 0;
            payload[headAt] = (byte)((gapNibble << 4) | countNibble);
            if (gapNibble == 0)
            {
                length += VarInt.Write(payload[length..], (uint)gap);
            }

            if (countNibble == 0)
            {
                length += VarInt.Write(payload[length..], (uint)count);
            }
        }

        destination[0] = hourOffset;
        var written = 1;
        written += VarInt.Write(destination[written..], (uint)max);
        written += VarInt.Write(destination[written..], (uint)length);
        payload[..length].CopyTo(destination[written..]);
        return written + length;
    }

    private void Splice(int start, int end, ReadOnlySpan<byte> replacement)
    {
        var used = _used - (end - start) + replacement.Length;
        if (used > _buffer.Length || (_buffer.Length > 64 && used < _buffer.Length / 2))
        {
            var resized = new byte[used + Math.Max(16, used / 16)];
            _buffer.AsSpan(0, start).CopyTo(resized);
            replacement.CopyTo(resized.AsSpan(start));
            _buffer.AsSpan(end, _used - end).CopyTo(resized.AsSpan(start + replacement.Length));
            _buffer = resized;
        }
        else
        {
            _buffer.AsSpan(end, _used - end).CopyTo(_buffer.AsSpan(start + replacement.Length));
            replacement.CopyTo(_buffer.AsSpan(start));
        }

        _used = used;
    }
}
