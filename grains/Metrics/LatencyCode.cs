namespace OrleansMonitor.Grains.Metrics;

/// <summary>A latency in 16 bits: exact to 32,767 ms, then in 32 ms steps (rounded down) up to about 18 minutes. Order-preserving.</summary>
internal static class LatencyCode
{
    private const int ExactLimit = 32_768;
    private const int StepShift = 5;

    public static ushort Encode(int latencyMs)
    {
        if (latencyMs < ExactLimit)
        {
            return (ushort)Math.Max(0, latencyMs);
        }

        return (ushort)(ExactLimit + Math.Min((latencyMs - ExactLimit) >> StepShift, ExactLimit - 1));
    }

    public static int Decode(ushort code) =>
        code < ExactLimit ? code : ExactLimit + ((code - ExactLimit) << StepShift);
}
