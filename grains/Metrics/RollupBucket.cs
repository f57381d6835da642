using System.Runtime.InteropServices;

namespace OrleansMonitor.Grains.Metrics;

/// <summary>The 12-byte figures of one 5-minute bucket. Count 0 means empty.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal struct RollupBucket
{
    public ushort Count;
    public ushort UpCount;
    public uint LatencySum;
    public ushort MinCode;
    public ushort MaxCode;

    /// <summary>Adds one check; false (and nothing changes) when the bucket cannot hold more.</summary>
    public bool TryAdd(bool isUp, int latencyMs)
    {
        if (Count == ushort.MaxValue || LatencySum > uint.MaxValue - (uint)latencyMs)
        {
            return false;
        }

        var code = LatencyCode.Encode(latencyMs);
        MinCode = Count == 0 ? code : Math.Min(MinCode, code);
        MaxCode = Count == 0 ? code : Math.Max(MaxCode, code);
        Count++;
        if (isUp)
        {
            UpCount++;
        }

        LatencySum += (uint)latencyMs;
        return true;
    }

    /// <summary>Adds stored figures of a whole bucket, clamped to what the fields hold.</summary>
    public void Merge(int checks, int upChecks, long latencySum, int minLatencyMs, int maxLatencyMs)
    {
        var minCode = LatencyCode.Encode(minLatencyMs);
        var maxCode = LatencyCode.Encode(maxLatencyMs);
        MinCode = Count == 0 ? minCode : Math.Min(MinCode, minCode);
        MaxCode = Count == 0 ? maxCode : Math.Max(MaxCode, maxCode);
        Count = (ushort)Math.Min(ushort.MaxValue, Count + (long)checks);
        UpCount = (ushort)Math.Min(Count, UpCount + (long)Math.Clamp(upChecks, 0, checks));
        LatencySum = (uint)Math.Min(uint.MaxValue, LatencySum + Math.Max(0, latencySum));
    }
}
