namespace OrleansMonitor.Grains.Scheduling;

/// <summary>Bounds of the probe path (section <c>Probes</c>).</summary>
public sealed class ProbeLimitsOptions
{
    /// <summary>Descriptors kept for everything but probes at least: Orleans, the PostgreSQL pools, logs, the runtime.</summary>
    public const int ReservedDescriptors = 2_048;

    /// <summary>
    /// The highest derived bound. Measured on the 2-core benchmark machine: with 16,000 probes allowed in flight, a stall
    /// at 40,000 monitors let them pile up until the kernel refused new sockets ("Too many open files in system") and the
    /// process aborted, under its own descriptor limit; with 4,096 it got later and stayed up. Healthy probes hold a
    /// slot for milliseconds (2,500 probes/s need a few dozen), so the ceiling only limits how many black-holed targets
    /// are waited on at once (about 400 per second at a 10 s timeout). Set <see cref="MaxInFlight"/> to go higher.
    /// </summary>
    public const int DefaultCeiling = 4_096;

    /// <summary>
    /// Probes in flight at most on this silo, every kind counted. Null (the default): derived from the process's
    /// open-file limit, <see cref="Derive"/>. A probe that finds no slot waits for one (FIFO) and starts as soon as one frees.
    /// </summary>
    public int? MaxInFlight { get; set; }

    /// <summary>
    /// The share of <see cref="MaxInFlight"/> monitors that are failing may hold: a black-holed data centre slows its
    /// own monitors, never the healthy ones, which always find the rest of the slots.
    /// </summary>
    public double FailingShare { get; set; } = 0.75;

    /// <summary>How long a probe may wait for a slot before it is skipped (logged and counted) and planned again; only under extreme overload.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The bound for a process allowed <paramref name="descriptorLimit"/> descriptors (null: unknown): one descriptor per
    /// probe (a socket), a fifth of the limit and at least <see cref="ReservedDescriptors"/> kept for the rest; between
    /// 16 and <see cref="DefaultCeiling"/>. Unknown limits give 1,000.
    /// </summary>
    public static int Derive(long? descriptorLimit)
    {
        if (descriptorLimit is not { } limit)
        {
            return 1_000;
        }

        var reserve = Math.Max(ReservedDescriptors, limit / 5);
        return (int)Math.Clamp(limit - reserve, 16, DefaultCeiling);
    }

    /// <summary>The bound in force: <see cref="MaxInFlight"/> when set, else derived from this process's current limit.</summary>
    public int EffectiveMaxInFlight() => MaxInFlight ?? Derive(DescriptorLimit.Read()?.Soft);
}
